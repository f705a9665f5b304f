package io.ledgerline.ingest.webhook;

import io.ledgerline.ingest.connection.ConnectionCredentials;
import io.ledgerline.ingest.connection.ConnectorUnavailable;
import io.ledgerline.ingest.connection.LoadConnectionCredentials;
import io.ledgerline.ingest.webhook.WebhookLog.Entry;
import io.ledgerline.ingest.webhook.WebhookLog.Status;
import io.ledgerline.platforms.connection.SettingsRules;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-runs normalization on a stored body and emits the events again, each marked {@code replay}
 * under a new event id. Downstream dedup is by source object (invoice-service's unique tenant,
 * platform, connection and external id), so a replay never makes a second invoice. A {@code FAILED}
 * webhook (verified, but its body did not normalize when it came) is replayed the same way once the
 * rules are fixed, and then shows what it became.
 */
@Service
class ReplayWebhook {

  private final WebhookLog webhooks;
  private final LoadConnectionCredentials connections;
  private final EventNormalization normalization;
  private final WebhookEvents events;
  private final TransactionTemplate transaction;
  private final Clock clock;

  ReplayWebhook(
      WebhookLog webhooks,
      LoadConnectionCredentials connections,
      EventNormalization normalization,
      WebhookEvents events,
      TransactionTemplate transaction,
      Clock clock) {
    this.webhooks = webhooks;
    this.connections = connections;
    this.normalization = normalization;
    this.events = events;
    this.transaction = transaction;
    this.clock = clock;
  }

  /**
   * @return the new event ids (none for a webhook that produces no event)
   */
  List<String> replay(String tenantId, UUID webhookId) {
    Entry entry = webhooks.find(tenantId, webhookId).orElseThrow(WebhookProblems::webhookNotFound);
    if (entry.status() == Status.VERIFICATION) {
      return List.of();
    }
    // The connection's currency and account, if connector-service can tell now; the body may not
    // need them.
    Optional<ConnectionCredentials> connection = connectionOf(entry.connectionId());
    EventNormalization.Result normalized;
    try {
      normalized =
          normalization.normalize(
              new EventNormalization.Input(
                  entry.platform(),
                  entry.id(),
                  tenantId,
                  entry.connectionId(),
                  ReceiveWebhook.topicOf(entry.platform(), entry.headers()),
                  connection.map(c -> c.settings().get(SettingsRules.CURRENCY)).orElse(null),
                  entry.body(),
                  // The original receipt time: the replayed events say what the first ones said.
                  entry.receivedAt(),
                  true,
                  connection.map(ConnectionCredentials::template).orElse(null),
                  connection.map(ConnectionCredentials::templateEvent).orElse(null),
                  connection.map(ConnectionCredentials::apiAccess).orElse(false)));
    } catch (EventNormalization.NotNormalizable e) {
      throw WebhookProblems.invalidPayload(
          "The stored body no longer normalizes: " + e.getMessage());
    }
    List<SpecificRecord> replayed = new ArrayList<>();
    for (SpecificRecord event : normalized.events()) {
      replayed.add(
          WebhookEvents.asReplay(
              WebhookEvents.withAccount(
                  event, connection.map(ConnectionCredentials::accountId).orElse(null)),
              UUID.randomUUID().toString()));
    }
    List<String> eventIds = replayed.stream().map(WebhookEvents::eventId).toList();
    transaction.executeWithoutResult(
        tx -> {
          replayed.forEach(e -> events.append(tenantId, entry.platform(), e));
          webhooks.recordReplay(tenantId, webhookId, eventIds, clock.instant());
          if (entry.status() == Status.FAILED) {
            // It normalizes now (the rules were fixed): the log shows what it became.
            webhooks.resolveFailed(
                tenantId,
                webhookId,
                eventIds.isEmpty() ? Status.STORED : Status.EMITTED,
                normalized.summary(),
                eventIds);
          }
        });
    return eventIds;
  }

  /**
   * Unavailable is not "unknown": without the connection's account the replayed events would key
   * their invoice differently from the first ones, so the replay waits for connector-service.
   */
  private Optional<ConnectionCredentials> connectionOf(UUID connectionId) {
    try {
      return connections.load(connectionId);
    } catch (ConnectorUnavailable e) {
      throw WebhookProblems.connectorUnavailable();
    }
  }
}
