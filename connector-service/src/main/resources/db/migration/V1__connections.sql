CREATE TABLE connections (
    id         uuid PRIMARY KEY,
    tenant_id  text        NOT NULL,
    platform   text        NOT NULL,
    name       text        NOT NULL,
    status     text        NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
    settings   jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at timestamptz NOT NULL
);

CREATE INDEX connections_tenant_idx ON connections (tenant_id, created_at);

-- Envelope-encrypted webhook secrets: never plaintext. CURRENT signs new deliveries; PREVIOUS stays
-- valid until valid_until while a rotation is in progress.
CREATE TABLE connection_secrets (
    connection_id    uuid        NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    tenant_id        text        NOT NULL,
    slot             text        NOT NULL CHECK (slot IN ('CURRENT', 'PREVIOUS')),
    kek_id           text        NOT NULL,
    wrapped_data_key bytea       NOT NULL,
    ciphertext       bytea       NOT NULL,
    valid_until      timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (connection_id, slot)
);
