-- Retention per tenant (issue 10): how many days stored webhooks and rejections are kept; a tenant without a row gets
-- ledgerline.ingest.webhook-retention (30 d) and ledgerline.ingest.rejection-retention (90 d).
CREATE TABLE tenant_retention (
    tenant_id       text PRIMARY KEY,
    webhooks_days   integer     NOT NULL CHECK (webhooks_days BETWEEN 1 AND 3650),
    rejections_days integer     NOT NULL CHECK (rejections_days BETWEEN 1 AND 3650),
    updated_at      timestamptz NOT NULL
);

-- WebhookLogRetention deletes by age across tenants.
CREATE INDEX webhooks_received_idx ON webhooks (received_at);

-- A replay record belongs to its webhook: it goes when the webhook's retention ends.
ALTER TABLE webhook_replays DROP CONSTRAINT webhook_replays_webhook_id_fkey;
ALTER TABLE webhook_replays ADD CONSTRAINT webhook_replays_webhook_id_fkey
    FOREIGN KEY (webhook_id) REFERENCES webhooks (id) ON DELETE CASCADE;
