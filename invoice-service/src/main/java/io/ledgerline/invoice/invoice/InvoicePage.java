package io.ledgerline.invoice.invoice;

import java.util.List;

/** One page of invoices, newest first; {@code nextCursor} is null on the last page. */
record InvoicePage(List<InvoiceView> items, String nextCursor) {}
