-- Rejections have a retention (issue 12): RejectionRetention deletes rows older than ledgerline.ingest.rejection-retention.
CREATE INDEX webhook_rejections_received_idx ON webhook_rejections (received_at);
