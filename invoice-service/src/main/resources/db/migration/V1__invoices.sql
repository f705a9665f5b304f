-- One counter row per tenant, locked FOR UPDATE by the transaction that issues an invoice:
-- numbers are gapless and never shared, since a rolled-back issue rolls its increment back too.
create table invoice_number_counters (
    tenant_id   text primary key,
    last_number bigint not null check (last_number >= 0)
);

-- A tenant's own settings; absent rows mean the service-wide defaults (ledgerline.invoice.*).
create table tenant_settings (
    tenant_id        text primary key,
    default_tax_rate numeric(9, 6) check (default_tax_rate >= 0 and default_tax_rate <= 1),
    updated_at       timestamptz not null default now()
);

create table invoices (
    id                    uuid primary key,
    tenant_id             text          not null,
    sequence              bigint        not null,
    number                text          not null,
    client_id             text          not null,
    client_name           text,
    client_email          text,
    client_phone          text,
    client_tax_id         text,
    client_address_line1  text,
    client_address_line2  text,
    client_address_city   text,
    client_address_region text,
    client_address_postal_code text,
    client_address_country text,
    currency              char(3)       not null,
    issue_date            date          not null,
    issued_at             timestamptz   not null,
    subtotal              numeric(19, 4) not null,
    tax_total             numeric(19, 4) not null,
    total                 numeric(19, 4) not null,
    source_platform       text          not null,
    source_connection_id  text          not null,
    source_external_id    text          not null,
    source_reference      text,
    source_event_id       text          not null,
    created_at            timestamptz   not null default now(),
    constraint invoices_tenant_sequence unique (tenant_id, sequence),
    constraint invoices_tenant_number unique (tenant_id, number),
    -- One source object, at most one invoice: redeliveries and replays never make a second one.
    constraint invoices_tenant_source
        unique (tenant_id, source_platform, source_connection_id, source_external_id)
);

create index invoices_tenant_source_external_id on invoices (tenant_id, source_external_id);

create table invoice_lines (
    invoice_id  uuid           not null references invoices (id),
    position    int            not null,
    description text           not null,
    sku         text,
    quantity    numeric(19, 4) not null,
    unit_price  numeric(19, 4) not null,
    discount    numeric(19, 4),
    tax_rate    numeric(9, 6)  not null,
    net         numeric(19, 4) not null,
    tax         numeric(19, 4) not null,
    gross       numeric(19, 4) not null,
    primary key (invoice_id, position)
);
