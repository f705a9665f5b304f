-- Issue 8: the seller, tax that matches the sale, lifecycle and payments, credit notes.

-- Numbers per tenant and series (invoices, credit notes): one counter row each, locked FOR UPDATE by the
-- transaction that takes a number, so both series stay gapless on their own.
create table document_number_counters (
    tenant_id   text   not null,
    series      text   not null check (series in ('INVOICE', 'CREDIT_NOTE')),
    last_number bigint not null check (last_number >= 0),
    primary key (tenant_id, series)
);
insert into document_number_counters (tenant_id, series, last_number)
    select tenant_id, 'INVOICE', last_number from invoice_number_counters;
drop table invoice_number_counters;

-- The tenant's invoicing settings; null columns mean the service-wide defaults (ledgerline.invoice.*).
alter table tenant_settings
    add column seller             jsonb,
    add column time_zone          text,
    add column invoice_prefix     text,
    add column credit_note_prefix text,
    add column payment_terms_days int check (payment_terms_days between 0 and 365),
    add column untaxed_lines      text check (untaxed_lines in ('DEFAULT_RATE', 'NOT_TAXED'));

-- A connection's own rule for lines whose tax the platform does not state (overrides the tenant's).
create table connection_settings (
    tenant_id     text not null,
    connection_id text not null,
    untaxed_lines text not null check (untaxed_lines in ('DEFAULT_RATE', 'NOT_TAXED')),
    updated_at    timestamptz not null default now(),
    primary key (tenant_id, connection_id)
);

-- One key for "which source object is this": SourceReference.key() computes it, so what identifies a source
-- (today the connection, later the platform account) changes in one place. Existing rows get today's key.
alter table invoices add column source_key text;
update invoices set source_key = source_platform || ':' || source_connection_id || ':' || source_external_id;
alter table invoices alter column source_key set not null;
alter table invoices drop constraint invoices_tenant_source;
alter table invoices add constraint invoices_tenant_source_key unique (tenant_id, source_key);

alter table invoices
    add column source_account_id   text,
    add column source_kind         text,
    add column seller              jsonb,
    add column taxes_included      boolean       not null default false,
    add column due_date            date,
    add column status              text          not null default 'ISSUED'
        check (status in ('ISSUED', 'PARTIALLY_PAID', 'PAID', 'CREDITED')),
    add column paid_total          numeric(19, 4) not null default 0,
    add column credited_total      numeric(19, 4) not null default 0 check (credited_total <= total),
    add column reconciliation      jsonb;
update invoices set due_date = issue_date;
alter table invoices alter column due_date set not null;

create index invoices_tenant_status on invoices (tenant_id, status, sequence);
create index invoices_tenant_issue_date on invoices (tenant_id, issue_date, sequence);
create index invoices_tenant_client on invoices (tenant_id, client_id, sequence);

alter table invoice_lines
    add column external_id          text,
    add column tax_category         text not null default 'STANDARD'
        check (tax_category in ('STANDARD', 'ZERO_RATED', 'EXEMPT', 'OUT_OF_SCOPE')),
    add column tax_exemption_reason text,
    add column shipping             boolean not null default false;
update invoice_lines set shipping = true where description = 'Shipping';

-- Payments against an invoice; idempotent on the payer's reference.
create table payments (
    id          uuid primary key,
    tenant_id   text           not null,
    invoice_id  uuid           not null references invoices (id),
    amount      numeric(19, 4) not null check (amount > 0),
    paid_on     date           not null,
    method      text,
    reference   text           not null,
    origin      text           not null check (origin in ('API', 'PLATFORM')),
    recorded_at timestamptz    not null default now(),
    constraint payments_tenant_invoice_reference unique (tenant_id, invoice_id, reference)
);

create table credit_notes (
    id               uuid primary key,
    tenant_id        text           not null,
    sequence         bigint         not null,
    number           text           not null,
    invoice_id       uuid           not null references invoices (id),
    currency         char(3)        not null,
    issue_date       date           not null,
    issued_at        timestamptz    not null,
    reason           text,
    subtotal         numeric(19, 4) not null,
    tax_total        numeric(19, 4) not null,
    total            numeric(19, 4) not null check (total > 0),
    credit_id        text           not null,
    origin           text           not null check (origin in ('API', 'PLATFORM')),
    source_event_id  text,
    created_at       timestamptz    not null default now(),
    constraint credit_notes_tenant_sequence unique (tenant_id, sequence),
    constraint credit_notes_tenant_number unique (tenant_id, number),
    -- One refund (or void, or API request), at most one credit note: redeliveries and replays make none.
    constraint credit_notes_tenant_invoice_credit unique (tenant_id, invoice_id, credit_id)
);
create index credit_notes_tenant_invoice on credit_notes (tenant_id, invoice_id);
create index credit_notes_tenant_issue_date on credit_notes (tenant_id, issue_date, sequence);

create table credit_note_lines (
    credit_note_id       uuid           not null references credit_notes (id),
    position             int            not null,
    invoice_line         int,
    description          text           not null,
    sku                  text,
    quantity             numeric(19, 4) not null,
    tax_rate             numeric(9, 6)  not null,
    tax_category         text           not null,
    tax_exemption_reason text,
    net                  numeric(19, 4) not null,
    tax                  numeric(19, 4) not null,
    gross                numeric(19, 4) not null,
    primary key (credit_note_id, position)
);

-- Credits (refunds, voids) whose invoice does not exist yet: ordering across topics is not guaranteed.
-- Applied, and deleted, in the transaction that issues the invoice.
create table pending_credits (
    id          uuid primary key,
    tenant_id   text        not null,
    source_key  text        not null,
    credit_id   text        not null,
    request     jsonb       not null,
    status      text        not null default 'PENDING' check (status in ('PENDING', 'FAILED')),
    failure     text,
    received_at timestamptz not null default now(),
    constraint pending_credits_tenant_source_credit unique (tenant_id, source_key, credit_id)
);
