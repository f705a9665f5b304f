/**
 * Per-connection mapping (issue 7): which deal stages count as won, which CRM properties hold the
 * buyer's tax id, e-mail, phone and address, the connection's default tax rate, and the JSONata
 * template that makes events of Standard Webhooks payloads (ADR 0010). Validated when saved.
 */
@NullMarked
package io.ledgerline.platforms.mapping;

import org.jspecify.annotations.NullMarked;
