-- Issue 9: where e-invoices reach a buyer (EN 16931 BT-49, a Peppol participant id), set by the tenant per client,
-- and snapshotted on every invoice issued after it.
create table client_settings (
    tenant_id                 text        not null,
    client_id                 text        not null,
    electronic_address_scheme text        not null,
    electronic_address_id     text        not null,
    updated_at                timestamptz not null default now(),
    primary key (tenant_id, client_id)
);

alter table invoices
    add column client_electronic_address_scheme text,
    add column client_electronic_address_id     text;
