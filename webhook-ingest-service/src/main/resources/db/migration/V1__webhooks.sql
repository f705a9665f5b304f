-- The webhook log: every accepted delivery, body as received (bytes, so it can be re-verified and replayed),
-- headers with credentials redacted.
CREATE TABLE webhooks (
    id            uuid PRIMARY KEY,
    tenant_id     text        NOT NULL,
    connection_id uuid        NOT NULL,
    platform      text        NOT NULL,
    delivery_id   text        NOT NULL,
    topic         text,
    status        text        NOT NULL,
    headers       jsonb       NOT NULL,
    body          bytea       NOT NULL,
    received_at   timestamptz NOT NULL,
    -- Platforms redeliver: the same delivery for the same connection is stored once, even across restarts.
    CONSTRAINT webhooks_delivery_unique UNIQUE (connection_id, delivery_id)
);

CREATE INDEX webhooks_tenant_idx ON webhooks (tenant_id, received_at DESC);

-- Deliveries we refused, for operators and tenants: never the body, which we could not trust.
CREATE TABLE webhook_rejections (
    id            uuid PRIMARY KEY,
    tenant_id     text,
    connection_id uuid        NOT NULL,
    platform      text        NOT NULL,
    reason        text        NOT NULL,
    received_at   timestamptz NOT NULL
);

CREATE INDEX webhook_rejections_connection_idx ON webhook_rejections (connection_id, received_at DESC);
