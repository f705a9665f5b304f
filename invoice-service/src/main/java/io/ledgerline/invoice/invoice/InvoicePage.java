package io.ledgerline.invoice.invoice;

import java.util.List;

/** One page of a list, newest first; {@code nextCursor} is null on the last page. */
record InvoicePage<T>(List<T> items, String nextCursor) {}
