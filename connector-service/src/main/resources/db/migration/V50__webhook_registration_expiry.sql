-- Webhook registrations that expire unless renewed (Zoho's watch channels live a week at most): when the ones in
-- registered_webhooks stop, so the renewal job extends them before. NULL: they do not expire.
ALTER TABLE connections ADD COLUMN registered_webhooks_expire_at timestamptz;
CREATE INDEX connections_webhooks_expiry_idx ON connections (registered_webhooks_expire_at)
    WHERE registered_webhooks_expire_at IS NOT NULL AND status = 'ACTIVE';
-- One replica renews a connection's registrations at a time: it claims them until this instant (the platform is
-- asked outside any transaction; a claim left by a replica that died lapses).
ALTER TABLE connections ADD COLUMN webhooks_renewal_claimed_until timestamptz;
