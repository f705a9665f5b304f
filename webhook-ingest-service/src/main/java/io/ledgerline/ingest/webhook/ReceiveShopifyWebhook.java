package io.ledgerline.ingest.webhook;

import io.ledgerline.events.Platform;
import io.ledgerline.events.SaleEvent;
import io.ledgerline.events.Topics;
import io.ledgerline.ingest.connection.ConnectionCredentials;
import io.ledgerline.ingest.connection.ConnectorUnavailable;
import io.ledgerline.ingest.connection.LoadConnectionCredentials;
import io.ledgerline.ingest.shopify.NotAnOrder;
import io.ledgerline.ingest.shopify.ShopifyOrders;
import io.ledgerline.ingest.shopify.ShopifySignature;
import io.ledgerline.ingest.webhook.Rejections.Reason;
import io.ledgerline.ingest.webhook.WebhookLog.Entry;
import io.ledgerline.ingest.webhook.WebhookLog.Status;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Receives one Shopify delivery: the connection must exist and be active, the signature must match,
 * a redelivery changes nothing, and the stored webhook and its sale event are written in one
 * transaction (the outbox relay publishes the event afterwards), so neither exists without the
 * other.
 */
@Service
class ReceiveShopifyWebhook {

  static final String PLATFORM = "shopify";
  private static final String HMAC = "x-shopify-hmac-sha256";
  private static final String DELIVERY_ID = "x-shopify-webhook-id";
  private static final String TOPIC = "x-shopify-topic";

  private static final Logger log = LoggerFactory.getLogger(ReceiveShopifyWebhook.class);

  private final LoadConnectionCredentials connections;
  private final ShopifySignature signature;
  private final WebhookLog webhooks;
  private final Rejections rejections;
  private final SaleEvents sales;
  private final TransactionTemplate transaction;

  ReceiveShopifyWebhook(
      LoadConnectionCredentials connections,
      ShopifySignature signature,
      WebhookLog webhooks,
      Rejections rejections,
      SaleEvents sales,
      TransactionTemplate transaction) {
    this.connections = connections;
    this.signature = signature;
    this.webhooks = webhooks;
    this.rejections = rejections;
    this.sales = sales;
    this.transaction = transaction;
  }

  sealed interface Outcome {
    UUID webhookId();
  }

  /** Stored now (202). */
  record Accepted(UUID webhookId) implements Outcome {}

  /** Stored before: the original webhook's id, nothing done (200). */
  record AlreadyReceived(UUID webhookId) implements Outcome {}

  Outcome receive(ReceivedWebhook webhook) {
    ConnectionCredentials connection = activeConnection(webhook);
    String tenantId = connection.tenantId();

    if (!signature.isAuthentic(
        webhook.body(),
        webhook.header(HMAC),
        connection.secrets().stream()
            .map(s -> new ShopifySignature.Secret(s.value(), s.validUntil()))
            .toList(),
        webhook.receivedAt())) {
      reject(tenantId, webhook, Reason.INVALID_SIGNATURE);
      throw WebhookProblems.invalidSignature();
    }

    String deliveryId = webhook.header(DELIVERY_ID);
    if (deliveryId == null || deliveryId.isBlank()) {
      reject(tenantId, webhook, Reason.MISSING_DELIVERY_ID);
      throw WebhookProblems.invalidPayload("The X-Shopify-Webhook-Id header is missing.");
    }
    Optional<UUID> original = webhooks.findDelivery(tenantId, webhook.connectionId(), deliveryId);
    if (original.isPresent()) {
      return new AlreadyReceived(original.get());
    }

    String topic = webhook.header(TOPIC);
    UUID webhookId = UUID.randomUUID();
    Optional<SaleEvent> sale;
    try {
      if (!ShopifyOrders.isOrderTopic(topic)) {
        throw new NotAnOrder("topic is not an order topic");
      }
      JsonNode order = ShopifyOrders.parseOrder(webhook.body());
      sale =
          ShopifyOrders.isSale(topic)
              ? Optional.of(
                  ShopifyOrders.toSaleEvent(
                      order,
                      new ShopifyOrders.Context(
                          webhookId.toString(),
                          tenantId,
                          webhook.connectionId().toString(),
                          webhook.receivedAt())))
              : Optional.empty();
    } catch (NotAnOrder e) {
      reject(tenantId, webhook, e.malformed() ? Reason.MALFORMED_PAYLOAD : Reason.NOT_AN_ORDER);
      throw WebhookProblems.invalidPayload("The body is not a Shopify order: " + e.getMessage());
    }

    Entry entry =
        new Entry(
            webhookId,
            tenantId,
            webhook.connectionId(),
            PLATFORM,
            deliveryId,
            topic,
            sale.isPresent() ? Status.EMITTED : Status.STORED,
            webhook.redactedHeaders(),
            webhook.body(),
            webhook.receivedAt());
    try {
      transaction.executeWithoutResult(
          tx -> {
            webhooks.add(entry);
            sale.ifPresent(
                s ->
                    sales.append(
                        Topics.sourceKey(tenantId, Platform.SHOPIFY, s.getExternalId()), s));
          });
    } catch (DuplicateKeyException e) {
      // The same delivery raced in on another request: the first one to commit wins.
      return new AlreadyReceived(
          webhooks.findDelivery(tenantId, webhook.connectionId(), deliveryId).orElseThrow(() -> e));
    }
    log.info(
        "Stored Shopify webhook {} ({}) for connection {}, status {}",
        webhookId,
        topic,
        webhook.connectionId(),
        entry.status());
    return new Accepted(webhookId);
  }

  private ConnectionCredentials activeConnection(ReceivedWebhook webhook) {
    ConnectionCredentials connection;
    try {
      connection =
          connections.load(webhook.connectionId()).orElseThrow(WebhookProblems::unknownConnection);
    } catch (ConnectorUnavailable e) {
      log.warn("Cannot load connection {}: {}", webhook.connectionId(), e.getMessage());
      throw WebhookProblems.connectorUnavailable();
    }
    if (!PLATFORM.equals(connection.platform())) {
      throw WebhookProblems.wrongPlatform();
    }
    if (!connection.active()) {
      throw WebhookProblems.disabledConnection();
    }
    return connection;
  }

  private void reject(String tenantId, ReceivedWebhook webhook, Reason reason) {
    rejections.record(tenantId, webhook.connectionId(), PLATFORM, reason, webhook.receivedAt());
    log.info("Rejected Shopify webhook for connection {}: {}", webhook.connectionId(), reason);
  }
}
