-- Tenants as records. Every tenant id already used by a key becomes an active tenant on the default plan.
create table tenant (
    id         varchar(64)  primary key,
    name       varchar(200) not null,
    -- ACTIVE or SUSPENDED: a suspended tenant's keys and tokens stop at once
    status     varchar(16)  not null,
    -- a plan name of ledgerline.plans (rate limits at the gateway)
    plan       varchar(64)  not null,
    created_at timestamptz  not null,
    updated_at timestamptz  not null
);

insert into tenant (id, name, status, plan, created_at, updated_at)
select tenant_id, tenant_id, 'ACTIVE', 'default', min(created_at), now() from api_key group by tenant_id;

alter table api_key add constraint api_key_tenant_fk foreign key (tenant_id) references tenant (id);

-- Rotation with overlap: the previous secret keeps working until previous_secret_expires_at.
alter table api_key add column previous_secret_hash bytea;
alter table api_key add column previous_secret_expires_at timestamptz;
alter table api_key add column rotated_at timestamptz;

-- Requests per key and UTC day, counted at the gateway and reported in batches.
create table api_key_usage (
    key_id        uuid        not null references api_key (id),
    tenant_id     varchar(64) not null,
    day           date        not null,
    request_count bigint      not null,
    primary key (key_id, day)
);

-- Tenants' OAuth2 clients (client credentials). The secret only as its password-encoder hash.
create table oauth_client (
    client_id   varchar(100) primary key,
    tenant_id   varchar(64)  not null references tenant (id),
    name        varchar(200) not null,
    secret_hash text         not null,
    -- space separated, as in the JWT's scope claim
    scopes      text         not null,
    created_at  timestamptz  not null,
    revoked_at  timestamptz
);

create index oauth_client_tenant_idx on oauth_client (tenant_id, created_at);

-- The JWT signing keys. The private key only envelope-encrypted (AES-256-GCM, data key wrapped by a KEK).
create table signing_key (
    kid                   varchar(64) primary key,
    public_jwk            text        not null,
    kek_id                varchar(64) not null,
    wrapped_data_key      bytea       not null,
    encrypted_private_key bytea       not null,
    created_at            timestamptz not null,
    -- published in the JWKS from created_at, signs from activates_at (every replica has published it by then)
    activates_at          timestamptz not null
);
