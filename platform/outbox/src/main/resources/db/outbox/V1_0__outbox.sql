-- The transactional outbox of a service (platform/outbox). Rows are written by Outbox.append(...) in the
-- transaction of the state change, and published to Kafka by the relay through logical decoding.
-- Idempotent on purpose: the outbox module applies it with its own history table (outbox_schema_history),
-- and a service may also list classpath:db/outbox in its own Flyway locations.

create table if not exists outbox (
    id            uuid        primary key,
    aggregatetype text        not null, -- the Kafka topic
    aggregateid   text        not null, -- the Kafka key
    type          text        not null, -- the event type (simple name of the Avro record)
    payload       bytea       not null, -- the Kafka value: Confluent wire format, exactly as published
    created_at    timestamptz not null default now()
);

-- The retention job deletes by age.
create index if not exists outbox_created_at_idx on outbox (created_at);

-- The relay's durable offsets (Kafka Connect offset keys and values), in the same database as the rows
-- they point into, so a restart resumes where the last acknowledged publish ended.
create table if not exists outbox_offsets (
    offset_key   bytea       primary key,
    offset_value bytea,
    updated_at   timestamptz not null default now()
);
