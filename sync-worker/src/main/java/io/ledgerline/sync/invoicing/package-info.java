/**
 * Invoicing: a completed sale (or a won deal) becomes one {@code InvoiceCommand} for
 * invoice-service. {@link io.ledgerline.sync.invoicing.InvoiceCommands} holds the rules (what can
 * be invoiced and how a source maps to a command); {@link io.ledgerline.sync.invoicing.InvoiceSale}
 * and {@link io.ledgerline.sync.invoicing.InvoiceDeal} are the use cases; the listeners are thin
 * adapters.
 */
package io.ledgerline.sync.invoicing;
