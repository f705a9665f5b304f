-- The dead letters of this service's consumers (platform/dead-letters): what its listeners gave up on, copied from the
-- <topic>.dlt topics with the reason, so that they can be listed per tenant and reprocessed after a fix. Applied by
-- the module itself with its own history table (dead_letters_schema_history). Idempotent.

create table if not exists dead_letters (
    id                 uuid        primary key,
    dlt_topic          text        not null,
    dlt_partition      int         not null,
    dlt_offset         bigint      not null,
    original_topic     text        not null,
    original_partition int,
    original_offset    bigint,
    consumer_group     text,
    tenant_id          text,        -- from the record key (tenantId:...); null when the key names none
    record_key         text,
    event_type         text,
    payload            bytea,       -- the original value bytes, exactly as they arrived
    kind               text,        -- PERMANENT or UNEXPECTED (transient failures are never dead-lettered)
    reason             text        not null,
    exception          text,
    dead_lettered_at   timestamptz not null,
    status             text        not null default 'PARKED', -- PARKED, REPROCESSED
    reprocessed_at     timestamptz,
    reprocess_count    int         not null default 0,
    unique (dlt_topic, dlt_partition, dlt_offset)
);

create index if not exists dead_letters_tenant_idx on dead_letters (tenant_id, dead_lettered_at, id);
create index if not exists dead_letters_status_idx on dead_letters (status, original_topic);
