-- Issue 9: each invoice and credit note of a tenant with FIRS enabled gets exactly one IRN (unique, also across
-- documents), made once by the listener on billing.invoices.v1; its QR payload and FIRS status, with the history.
CREATE TABLE firs_documents (
    tenant_id   text        NOT NULL,
    document_id uuid        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('INVOICE', 'CREDIT_NOTE')),
    irn         text        NOT NULL UNIQUE,
    qr_payload  text        NOT NULL,
    status      text        NOT NULL
        CHECK (status IN ('PENDING', 'VALIDATED', 'SIGNED', 'TRANSMITTED', 'CONFIRMED', 'REJECTED')),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, document_id)
);

CREATE TABLE firs_document_history (
    tenant_id   text        NOT NULL,
    document_id uuid        NOT NULL,
    status      text        NOT NULL,
    detail      text,
    at          timestamptz NOT NULL,
    FOREIGN KEY (tenant_id, document_id) REFERENCES firs_documents (tenant_id, document_id)
);
CREATE INDEX firs_document_history_document ON firs_document_history (tenant_id, document_id, at);
