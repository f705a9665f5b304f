/**
 * FIRS (NRS) e-invoicing (ADR 0015): the tenant's settings (credentials encrypted), the IRN, the
 * crypto_keys file and the QR payload ({@link io.ledgerline.invoice.firs.Irn}, {@link
 * io.ledgerline.invoice.firs.QrPayload}: framework-free), one IRN per issued document from {@code
 * billing.invoices.v1}. The submission to FIRS itself is not built yet.
 */
package io.ledgerline.invoice.firs;
