-- App-level webhooks (/webhooks/{platform}, issue 6) can be refused before they are routed to a connection: such a
-- rejection has no connection (nor tenant).
ALTER TABLE webhook_rejections ALTER COLUMN connection_id DROP NOT NULL;
