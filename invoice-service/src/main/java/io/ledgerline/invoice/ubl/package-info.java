/**
 * UBL 2.1 (EN 16931, Peppol BIS Billing 3.0) for invoices and credit notes. {@link
 * io.ledgerline.invoice.ubl.UblMapping} maps the invoice model to ph-ubl's types and knows no
 * Spring; {@link io.ledgerline.invoice.ubl.UblController} is the web adapter.
 */
package io.ledgerline.invoice.ubl;
