-- Issue 9: the QR payload carries the signing timestamp (FIRS "IRN Signing": "<IRN>.<Unix seconds at signing>"), so
-- it is made when FIRS signs the document, not when the IRN is assigned: empty until SIGNED, with the time it signed.
ALTER TABLE firs_documents ALTER COLUMN qr_payload DROP NOT NULL;
ALTER TABLE firs_documents ADD COLUMN signed_at timestamptz;
