-- Bucket4j's token buckets, shared by every gateway replica (ADR 0012). One row per bucket id
-- (key:<plan>:<subject>, tenant:<plan>:<tenant>, route:<plan>:<route>:<tenant>, webhook-..., ip:...).
create table bucket (
    id         varchar(300) primary key,
    state      bytea,
    -- epoch milliseconds after which the row is a full bucket again and may be deleted
    expires_at bigint
);

create index bucket_expires_idx on bucket (expires_at);
