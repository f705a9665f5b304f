-- Account connections (issue 6): OAuth2 or an account token besides today's webhook-only connections.
ALTER TABLE connections ADD COLUMN auth text NOT NULL DEFAULT 'webhook'
    CHECK (auth IN ('webhook', 'oauth2', 'token'));
ALTER TABLE connections DROP CONSTRAINT connections_status_check;
ALTER TABLE connections ADD CONSTRAINT connections_status_check
    CHECK (status IN ('ACTIVE', 'DISABLED', 'PENDING_AUTHORIZATION', 'NEEDS_REAUTHORIZATION', 'DELETED'));
-- The platform's id of the account (portal, org, merchant, shop, ...) and its name; facts are the non-secret things
-- later calls need (instance URL, API domain, data centre, domain prefix).
ALTER TABLE connections ADD COLUMN account_id text;
ALTER TABLE connections ADD COLUMN account_name text;
ALTER TABLE connections ADD COLUMN account_facts jsonb NOT NULL DEFAULT '{}'::jsonb;
-- Webhook subscriptions registered on the platform at connect time, removed on delete.
ALTER TABLE connections ADD COLUMN registered_webhooks jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE connections ADD COLUMN deleted_at timestamptz;
-- Health, for people: the last call that worked, the last that did not, the last webhook seen.
ALTER TABLE connections ADD COLUMN last_success_at timestamptz;
ALTER TABLE connections ADD COLUMN last_error text;
ALTER TABLE connections ADD COLUMN last_error_at timestamptz;
ALTER TABLE connections ADD COLUMN last_webhook_at timestamptz;

-- App-level webhooks name the account, not the connection: one live connection per account and platform.
CREATE UNIQUE INDEX connections_live_account_idx ON connections (platform, account_id)
    WHERE account_id IS NOT NULL AND status <> 'DELETED';

-- The access and refresh token of an account connection, envelope-encrypted together (one JSON document), bound
-- to the connection by the associated data. The expiry is plain: it is not a secret and the refresh job reads it.
CREATE TABLE connection_tokens (
    connection_id    uuid        PRIMARY KEY REFERENCES connections (id) ON DELETE CASCADE,
    tenant_id        text        NOT NULL,
    kek_id           text        NOT NULL,
    wrapped_data_key bytea       NOT NULL,
    ciphertext       bytea       NOT NULL,
    expires_at       timestamptz,
    refreshable      boolean     NOT NULL,
    refreshed_at     timestamptz,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX connection_tokens_expiry_idx ON connection_tokens (expires_at) WHERE refreshable;

-- One pending authorization per connection: the state's SHA-256 (the state itself is a bearer credential for the
-- callback), the PKCE verifier encrypted, single use (deleted when used), expiring.
CREATE TABLE authorization_states (
    state_hash       text        PRIMARY KEY,
    connection_id    uuid        NOT NULL UNIQUE REFERENCES connections (id) ON DELETE CASCADE,
    tenant_id        text        NOT NULL,
    kek_id           text,
    wrapped_data_key bytea,
    ciphertext       bytea,
    expires_at       timestamptz NOT NULL,
    created_at       timestamptz NOT NULL
);
