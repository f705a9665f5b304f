-- A tenant's API keys. The secret is never stored: only HMAC-SHA256(pepper, secret).
create table api_key (
    id           uuid         primary key,
    tenant_id    varchar(64)  not null,
    name         varchar(200) not null,
    -- the visible part of llk_<prefix>_<secret>; how a presented key finds its row
    prefix       char(8)      not null unique,
    secret_hash  bytea        not null,
    -- space separated, as in the JWT's scope claim
    scopes       text         not null,
    created_at   timestamptz  not null,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    usage_count  bigint       not null default 0
);

create index api_key_tenant_idx on api_key (tenant_id, created_at);
