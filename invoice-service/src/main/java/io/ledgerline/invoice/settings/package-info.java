/**
 * A tenant's invoicing settings (the seller, time zone, numbering, payment terms, tax rules, and
 * per-connection tax rules) and their API, with the service-wide defaults ({@link
 * io.ledgerline.invoice.settings.InvoiceSettings}).
 */
package io.ledgerline.invoice.settings;
