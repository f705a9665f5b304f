/**
 * Clients: the buyers a tenant invoices, matched across sales by e-mail, then by the platform's
 * customer id. The rules ({@link io.ledgerline.sync.client.ClientDetails}, {@link
 * io.ledgerline.sync.client.ClientRegistry}) know nothing of Spring or JDBC.
 */
package io.ledgerline.sync.client;
