-- The webhook log for every platform: what processing made of each delivery (outcome, emitted event ids) and the
-- query string it came with (token-like parameters redacted).
ALTER TABLE webhooks
    ADD COLUMN outcome   text,
    ADD COLUMN query     text,
    ADD COLUMN event_ids jsonb NOT NULL DEFAULT '[]'::jsonb;

-- Newest first with a stable tie-break: the list API's cursor is (received_at, id).
DROP INDEX webhooks_tenant_idx;
CREATE INDEX webhooks_tenant_idx ON webhooks (tenant_id, received_at DESC, id DESC);

-- Each replay of a stored webhook and the new event ids it emitted.
CREATE TABLE webhook_replays (
    id          uuid PRIMARY KEY,
    webhook_id  uuid        NOT NULL REFERENCES webhooks (id),
    tenant_id   text        NOT NULL,
    event_ids   jsonb       NOT NULL,
    replayed_at timestamptz NOT NULL
);

CREATE INDEX webhook_replays_webhook_idx ON webhook_replays (webhook_id);

ALTER TABLE webhook_rejections ADD COLUMN detail text;
CREATE INDEX webhook_rejections_tenant_idx ON webhook_rejections (tenant_id, received_at DESC, id DESC);
