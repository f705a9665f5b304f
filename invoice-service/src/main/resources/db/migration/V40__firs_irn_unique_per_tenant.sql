-- Issue 9: an IRN is unique within a tenant, not across tenants. The IRN's middle part is the taxpayer's FIRS service
-- id, so two tenants' IRNs can only meet when both were configured with one service id (one taxpayer in two tenants,
-- or a typo); then FIRS, not this table, is the judge, and one tenant's documents must never block another's (a
-- global unique IRN made the second tenant's IRN insert fail and its listener retry forever).
ALTER TABLE firs_documents DROP CONSTRAINT firs_documents_irn_key;
ALTER TABLE firs_documents ADD CONSTRAINT firs_documents_tenant_irn UNIQUE (tenant_id, irn);
