/** Invoices: numbering, tax, totals and the invoice API. */
package io.ledgerline.invoice;
