/**
 * FIRS (NRS) e-invoicing: the IRN, the crypto_keys file and the QR payload, framework-free (ADR
 * 0015). Settings, the submission to FIRS and its API are not built yet.
 */
package io.ledgerline.invoice.firs;
