-- A tenant's clients, matched by e-mail, else by the platform's customer id.
create table clients (
    id                   uuid primary key,
    tenant_id            text not null,
    platform             text not null,
    external_customer_id text,
    name                 text,
    email                text,
    phone                text,
    tax_id               text,
    address_line1        text,
    address_line2        text,
    address_city         text,
    address_region       text,
    address_postal_code  text,
    address_country      text,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);

-- The matching keys: one client per e-mail, one per platform customer id, within a tenant.
-- A concurrent insert of the same buyer fails here and the consumer's retry then finds the row.
create unique index clients_tenant_email on clients (tenant_id, email) where email is not null;
create unique index clients_tenant_platform_customer
    on clients (tenant_id, platform, external_customer_id) where external_customer_id is not null;

-- Events already handled, recorded in the transaction of their effect: a redelivery is a no-op.
create table processed_events (
    consumer     text        not null,
    event_id     text        not null,
    tenant_id    text        not null,
    outcome      text        not null,
    processed_at timestamptz not null default now(),
    constraint processed_events_consumer_event unique (consumer, event_id)
);
