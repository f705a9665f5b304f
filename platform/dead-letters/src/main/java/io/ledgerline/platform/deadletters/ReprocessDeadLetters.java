package io.ledgerline.platform.deadletters;

import io.ledgerline.events.Topics;
import io.ledgerline.platform.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use case: after a fix, send parked dead letters again to their original topic, byte for byte,
 * through this service's outbox: the dead letter is marked reprocessed in the transaction that
 * appends it, so it is sent once however often the request is repeated. The consumers are
 * idempotent, so a dead letter whose work was in fact done makes no second invoice.
 *
 * <p>Works in batches (one transaction each), so "all" after a long outage neither holds one huge
 * transaction nor re-sends what failed again meanwhile: only what was dead-lettered before the
 * request began is its business.
 */
final class ReprocessDeadLetters {

  private static final Logger log = LoggerFactory.getLogger(ReprocessDeadLetters.class);
  static final int MAX_IDS_SHOWN = 1000;

  private final DeadLetterEntries entries;
  private final Outbox outbox;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final int batchSize;

  ReprocessDeadLetters(
      DeadLetterEntries entries,
      Outbox outbox,
      TransactionTemplate transactions,
      Clock clock,
      int batchSize) {
    this.entries = entries;
    this.outbox = outbox;
    this.transactions = transactions;
    this.clock = clock;
    this.batchSize = batchSize;
  }

  /**
   * @param reprocessed how many were sent again
   * @param ids the first {@value #MAX_IDS_SHOWN} of them
   */
  record Result(int reprocessed, List<UUID> ids) {}

  /**
   * @param tenantId only this tenant's; null for an operator (every tenant's)
   */
  Result reprocess(@Nullable String tenantId, Selection selection) {
    Instant asOf = clock.instant();
    List<UUID> ids = new ArrayList<>();
    int total = 0;
    while (true) {
      List<UUID> batch =
          transactions.execute(
              status -> {
                List<UUID> sent = new ArrayList<>();
                for (DeadLetter letter : entries.lockParked(tenantId, selection, asOf, batchSize)) {
                  outbox.appendEncoded(
                      letter.originalTopic(),
                      letter.key() == null ? "" : letter.key(),
                      eventType(letter),
                      letter.payload());
                  entries.markReprocessed(letter.id());
                  sent.add(letter.id());
                }
                return sent;
              });
      if (batch == null || batch.isEmpty()) {
        break;
      }
      total += batch.size();
      batch.stream().limit(Math.max(0, MAX_IDS_SHOWN - ids.size())).forEach(ids::add);
      if (batch.size() < batchSize) {
        break;
      }
    }
    log.info(
        "Reprocessed {} dead letter(s) ({}, tenant {})",
        total,
        selection,
        tenantId == null ? "any" : tenantId);
    return new Result(total, List.copyOf(ids));
  }

  /** The header the original carried; else the name of its topic's schema. */
  private static String eventType(DeadLetter letter) {
    if (letter.eventType() != null) {
      return letter.eventType();
    }
    Schema schema = Topics.VALUE_SCHEMAS.get(letter.originalTopic());
    return schema == null ? "unknown" : schema.getName();
  }
}
