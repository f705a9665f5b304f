/**
 * The transactional outbox: {@link io.ledgerline.platform.outbox.Outbox#append} writes an event row
 * in the caller's transaction; {@link io.ledgerline.platform.outbox.OutboxRelay} publishes the rows
 * to Kafka.
 */
@NullMarked
package io.ledgerline.platform.outbox;

import org.jspecify.annotations.NullMarked;
