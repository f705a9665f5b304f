-- Issue 9: a tenant's FIRS (NRS) e-invoicing settings. The API key, API secret and the crypto_keys file (FIRS's
-- public key and the taxpayer's certificate) are envelope-encrypted together as one JSON document, bound to the
-- tenant by the associated data; never stored or returned in plain text.
CREATE TABLE firs_settings (
    tenant_id        text        PRIMARY KEY,
    enabled          boolean     NOT NULL,
    environment      text        NOT NULL CHECK (environment IN ('SANDBOX', 'PRODUCTION')),
    base_url         text        NOT NULL,
    business_id      uuid        NOT NULL,
    service_id       text        NOT NULL,
    kek_id           text        NOT NULL,
    wrapped_data_key bytea       NOT NULL,
    ciphertext       bytea       NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now()
);
