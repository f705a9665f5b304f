/** Per-tenant invoice settings (the default tax rate), with the service-wide defaults. */
package io.ledgerline.invoice.tenant;
