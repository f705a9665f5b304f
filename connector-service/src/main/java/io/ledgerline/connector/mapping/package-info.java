/**
 * Per-connection mapping (issue 7): which stages are won, which properties hold the buyer's
 * details, the default tax rate, the JSONata template of Standard Webhooks payloads; saved
 * validated, and previewed against a webhook body without emitting.
 */
@NullMarked
package io.ledgerline.connector.mapping;

import org.jspecify.annotations.NullMarked;
