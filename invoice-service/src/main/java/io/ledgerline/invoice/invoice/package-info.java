/**
 * Issuing and reading invoices. The rules live in the domain types ({@link
 * io.ledgerline.invoice.invoice.Invoice}, {@link io.ledgerline.invoice.invoice.InvoiceLine}, {@link
 * io.ledgerline.invoice.invoice.InvoiceNumber}), free of Spring and JDBC; {@link
 * io.ledgerline.invoice.invoice.IssueInvoice} is the use case; listener, controller and JDBC
 * classes are adapters.
 */
package io.ledgerline.invoice.invoice;
