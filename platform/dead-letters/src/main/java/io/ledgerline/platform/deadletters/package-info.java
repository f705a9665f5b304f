/**
 * Dead letters a consuming service can recover: indexed from its dead-letter topics, listed with
 * their reasons, reprocessed through its outbox after a fix (ADR 0008).
 */
@NullMarked
package io.ledgerline.platform.deadletters;

import org.jspecify.annotations.NullMarked;
