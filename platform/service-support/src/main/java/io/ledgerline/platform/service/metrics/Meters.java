package io.ledgerline.platform.service.metrics;

import java.util.List;

/**
 * The platform's own meters, one catalogue for every service, the Grafana dashboard and the alert
 * rules of the Helm chart ({@code helm/ledgerline}). Names are Micrometer names; Prometheus shows
 * {@code ledgerline.webhooks} as {@code ledgerline_webhooks_total} (counters get {@code _total},
 * dots become underscores). Every name here is registered by the code (the chart's {@code
 * ObservabilityTest} scans the sources), and the code registers no other {@code ledgerline.*}
 * meter.
 */
public final class Meters {

  /**
   * Webhook deliveries (webhook-ingest). Tags: {@code platform}, {@code outcome} ({@code accepted},
   * {@code duplicate}, {@code rejected}, {@code failed}: verified but its body did not normalize),
   * {@code reason} (why a rejection, {@code normalization} for a failed one, else {@code none}).
   */
  public static final String WEBHOOKS = "ledgerline.webhooks";

  /**
   * Lookups of connection ids or accounts connector-service does not know (webhook-ingest): a flood
   * of deliveries to made-up URLs. Tag: {@code cached} ({@code true}: answered from the negative
   * cache, {@code false}: connector-service was asked).
   */
  public static final String WEBHOOK_UNKNOWN_CONNECTIONS = "ledgerline.webhook.unknown.connections";

  /** Refused deliveries deleted after their retention (webhook-ingest). */
  public static final String WEBHOOK_REJECTIONS_DELETED = "ledgerline.webhook.rejections.deleted";

  /** Stored webhooks deleted after their tenant's retention (webhook-ingest). */
  public static final String WEBHOOK_LOG_DELETED = "ledgerline.webhook.log.deleted";

  /** Invoices issued (invoice-service), counted when their transaction commits. */
  public static final String INVOICES_ISSUED = "ledgerline.invoices.issued";

  /**
   * Invoices whose computed total differs from the total their platform states (invoice-service).
   * Tag: {@code platform}.
   */
  public static final String INVOICE_RECONCILIATION_DIFFERENCES =
      "ledgerline.invoice.reconciliation.differences";

  /**
   * Credit notes issued (invoice-service: a platform's refund or void, or the tenant's own credit),
   * counted when their transaction commits.
   */
  public static final String INVOICES_CREDITED = "ledgerline.invoices.credited";

  /**
   * Syncs from a platform's API (connector-service), counted when one ends. Tags: {@code platform},
   * {@code kind} ({@code historical}: a sync that ended; {@code incremental}: a stream's pull that
   * reached the last page or gave up), {@code outcome} ({@code success}, {@code failure}).
   */
  public static final String SYNCS = "ledgerline.syncs";

  /**
   * Platform API calls of a sync that failed (connector-service). Tags: {@code platform}, {@code
   * reason} ({@code unavailable}: retried later, {@code unusable}: the connection's credentials,
   * {@code failure}: the call or its answer failed for good).
   */
  public static final String SYNC_ERRORS = "ledgerline.sync.errors";

  /**
   * OAuth2 token refreshes of connections (connector-service). Tags: {@code platform}, {@code
   * outcome} ({@code refreshed}; {@code refused}: the platform refused the grant, the connection
   * needs re-authorization; {@code failed}: the call failed, retried).
   */
  public static final String TOKEN_REFRESHES = "ledgerline.token.refreshes";

  /**
   * Records given up on and written to a dead-letter topic (every consumer), a counter. Tags:
   * {@code topic} (the original topic), {@code exception} (simple class name of the cause).
   */
  public static final String DEAD_LETTERS_WRITTEN = "ledgerline.dead.letters.written";

  /**
   * Dead letters waiting to be reprocessed (every consumer, platform/dead-letters), a gauge read on
   * a schedule. Tag: {@code topic} (the original topic).
   */
  public static final String DEAD_LETTERS = "ledgerline.dead.letters";

  /** Outbox rows the relay published to Kafka (every producer). Tag: {@code topic}. */
  public static final String OUTBOX_PUBLISHED = "ledgerline.outbox.published";

  /**
   * The relay's backlog (every producer): WAL bytes between the database's current position and
   * what the relay confirmed as published. Near zero while it keeps up (heartbeats move it when
   * nothing is written); grows while Kafka or the relay is down. Tag: {@code slot}.
   */
  public static final String OUTBOX_BACKLOG_BYTES = "ledgerline.outbox.backlog.bytes";

  /**
   * WAL the outbox's replication slot keeps on the server (from its restart position), the disk it
   * holds back for every database of the server. Tag: {@code slot}.
   */
  public static final String OUTBOX_SLOT_RETAINED_WAL = "ledgerline.outbox.slot.retained.wal";

  /** 1 when PostgreSQL invalidated the slot ({@code max_slot_wal_keep_size}). Tag: {@code slot}. */
  public static final String OUTBOX_SLOT_LOST = "ledgerline.outbox.slot.lost";

  /** Outbox rows Kafka refused for good, parked with their reason. */
  public static final String OUTBOX_PARKED = "ledgerline.outbox.parked";

  /**
   * Failed deliveries of consumed records that will be retried (every consumer). Tags: {@code
   * topic}, {@code kind} ({@code transient}, {@code unexpected}).
   */
  public static final String CONSUMER_RETRIES = "ledgerline.consumer.retries";

  /** Restarts of the relay's engine after a failure (Kafka or the database unreachable). */
  public static final String OUTBOX_RELAY_RESTARTS = "ledgerline.outbox.relay.restarts";

  /** Every name above. */
  public static final List<String> ALL =
      List.of(
          WEBHOOKS,
          WEBHOOK_UNKNOWN_CONNECTIONS,
          WEBHOOK_REJECTIONS_DELETED,
          WEBHOOK_LOG_DELETED,
          INVOICES_ISSUED,
          INVOICE_RECONCILIATION_DIFFERENCES,
          INVOICES_CREDITED,
          SYNCS,
          SYNC_ERRORS,
          TOKEN_REFRESHES,
          DEAD_LETTERS_WRITTEN,
          DEAD_LETTERS,
          OUTBOX_PUBLISHED,
          OUTBOX_BACKLOG_BYTES,
          OUTBOX_SLOT_RETAINED_WAL,
          OUTBOX_SLOT_LOST,
          OUTBOX_PARKED,
          OUTBOX_RELAY_RESTARTS,
          CONSUMER_RETRIES);

  private Meters() {}
}
