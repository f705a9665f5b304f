-- Issue 12: one account, one invoice per sale. SourceReference.key() now scopes the external id by the platform account
-- (shop, org, merchant, portal) when the source names it: platform:account:<account>:<external id>. Invoices that know
-- their account move to that key; where two connections of one account already invoiced the same sale twice, the
-- oldest invoice takes the new key and the others keep theirs (they are what the fault made, for people to credit).
-- Invoices without an account keep the connection key, which SourceReference.legacyKey() still finds.
update invoices i set source_key = i.source_platform || ':account:' || i.source_account_id || ':' || i.source_external_id
where i.source_account_id is not null and i.source_account_id <> ''
  and i.id = (
    select first.id from invoices first
    where first.tenant_id = i.tenant_id and first.source_platform = i.source_platform
      and first.source_account_id = i.source_account_id and first.source_external_id = i.source_external_id
    order by first.issued_at, first.id
    limit 1);

-- A source that names no account also finds its connection's invoice stored under the account key.
create index invoices_tenant_source_connection_idx
    on invoices (tenant_id, source_platform, source_connection_id, source_external_id);
