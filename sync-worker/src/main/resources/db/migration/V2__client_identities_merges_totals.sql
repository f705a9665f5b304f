-- Issue 8: a client holds one id per platform and several e-mails; clients can be merged; a tenant has one
-- walk-in client; what each client was invoiced, from billing.invoices.v1.

alter table clients
    add column seq         bigserial,
    add column merged_into uuid references clients (id),
    add column walk_in     boolean not null default false;
create unique index clients_tenant_seq on clients (tenant_id, seq);
-- One walk-in client per tenant: anonymous sales all go to it.
create unique index clients_tenant_walk_in on clients (tenant_id) where walk_in;

-- The matching keys move from the clients row to their own tables, so that a client can hold several and a
-- merge can move them. Each key still names exactly one client within a tenant.
create table client_emails (
    tenant_id text not null,
    email     text not null,
    client_id uuid not null references clients (id),
    primary key (tenant_id, email)
);
create table client_identities (
    tenant_id            text not null,
    platform             text not null,
    external_customer_id text not null,
    client_id            uuid not null references clients (id),
    primary key (tenant_id, platform, external_customer_id)
);
insert into client_emails (tenant_id, email, client_id)
    select tenant_id, email, id from clients where email is not null;
insert into client_identities (tenant_id, platform, external_customer_id, client_id)
    select tenant_id, platform, external_customer_id, id from clients where external_customer_id is not null;
drop index clients_tenant_email;
drop index clients_tenant_platform_customer;

create table client_merges (
    id        uuid primary key,
    tenant_id text        not null,
    merged_id uuid        not null references clients (id),
    into_id   uuid        not null references clients (id),
    reason    text        not null,
    merged_at timestamptz not null default now()
);
create index client_merges_tenant_into on client_merges (tenant_id, into_id);

-- Invoiced and credited amounts per client and currency, kept from billing.invoices.v1 (idempotent through
-- processed_events).
create table client_invoice_totals (
    tenant_id      text           not null,
    client_id      text           not null,
    currency       char(3)        not null,
    invoice_count  bigint         not null default 0,
    invoiced_total numeric(19, 4) not null default 0,
    credited_total numeric(19, 4) not null default 0,
    primary key (tenant_id, client_id, currency)
);
