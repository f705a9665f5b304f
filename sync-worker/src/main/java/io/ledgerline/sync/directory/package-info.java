/**
 * The client directory: the client API (list, search, one client with its identities and invoice
 * totals, merge) and the per-client invoice totals kept from {@code billing.invoices.v1}. Adapters
 * over the {@link io.ledgerline.sync.client} rules.
 */
package io.ledgerline.sync.directory;
