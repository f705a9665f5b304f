-- Outbox rows Kafka refuses for good (too large for the broker, an invalid topic): the relay parks them here with the
-- reason and goes on with the next row, instead of retrying the same batch for ever. An operator re-appends a parked row
-- after the fix (docs/adr/0004). Idempotent, like V1_0.

create table if not exists outbox_parked (
    id            uuid        primary key, -- the outbox row's id (the `id` header it would have carried)
    aggregatetype text        not null,
    aggregateid   text,
    type          text,
    payload       bytea       not null,
    reason        text        not null,
    parked_at     timestamptz not null default now()
);
