-- Issue 9: the submission to FIRS. A document is due while its status is neither CONFIRMED nor
-- REJECTED and next_attempt_at has passed; a worker claims it (FOR UPDATE SKIP LOCKED) by moving
-- next_attempt_at past a lease, so two replicas never submit one document at once. attempts
-- counts the transient failures since the last step that succeeded (the backoff's exponent);
-- sign_attempted makes a retried sign ask confirm/{IRN} first (FIRS documents no idempotency key).
ALTER TABLE firs_documents
    ADD COLUMN next_attempt_at timestamptz DEFAULT now(),
    ADD COLUMN attempts        integer     NOT NULL DEFAULT 0,
    ADD COLUMN sign_attempted  boolean     NOT NULL DEFAULT false,
    ADD COLUMN last_error      text,
    ADD COLUMN reasons         text;

CREATE INDEX firs_documents_due ON firs_documents (next_attempt_at)
    WHERE status NOT IN ('CONFIRMED', 'REJECTED');

-- Steps can share a timestamp: the history is ordered by time, then by insertion.
ALTER TABLE firs_document_history ADD COLUMN seq bigserial;
