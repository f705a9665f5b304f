package io.ledgerline.ingest.webhook;

import io.ledgerline.ingest.IngestSettings;
import io.ledgerline.ingest.connection.ConnectionCredentials;
import io.ledgerline.ingest.connection.ConnectorUnavailable;
import io.ledgerline.ingest.connection.LoadConnectionCredentials;
import io.ledgerline.ingest.connection.WebhookCredentialsMapping;
import io.ledgerline.ingest.webhook.EventNormalization.NotNormalizable;
import io.ledgerline.ingest.webhook.WebhookLog.Entry;
import io.ledgerline.ingest.webhook.WebhookLog.Status;
import io.ledgerline.platform.service.problem.ProblemException;
import io.ledgerline.platforms.Platform;
import io.ledgerline.platforms.Platforms;
import io.ledgerline.platforms.connection.SettingsRules;
import io.ledgerline.platforms.webhook.Reason;
import io.ledgerline.platforms.webhook.Verdict;
import io.ledgerline.platforms.webhook.VerificationSettings;
import io.ledgerline.platforms.webhook.WebhookCredentials;
import io.ledgerline.platforms.webhook.WebhookHeaders;
import io.ledgerline.platforms.webhook.WebhookRequest;
import io.ledgerline.platforms.webhook.WebhookScheme;
import io.ledgerline.platforms.webhook.WebhookVerifier;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives one delivery from any platform: the connection must exist, belong to the platform of the
 * URL and be active; the platform's scheme must verify it; a redelivery changes nothing; the stored
 * webhook and its events are written in one transaction (the outbox relay publishes the events
 * afterwards), so neither exists without the other.
 */
@Service
class ReceiveWebhook {

  private static final Logger log = LoggerFactory.getLogger(ReceiveWebhook.class);

  private final Map<String, WebhookVerifier> verifiers;
  private final LoadConnectionCredentials connections;
  private final EventNormalization normalization;
  private final WebhookLog webhooks;
  private final Rejections rejections;
  private final WebhookEvents events;
  private final WebhookMetrics metrics;
  private final TransactionTemplate transaction;
  private final IngestSettings settings;

  ReceiveWebhook(
      LoadConnectionCredentials connections,
      EventNormalization normalization,
      WebhookLog webhooks,
      Rejections rejections,
      WebhookEvents events,
      WebhookMetrics metrics,
      TransactionTemplate transaction,
      IngestSettings settings,
      Clock clock) {
    VerificationSettings verification =
        new VerificationSettings(clock, settings.timestampTolerance());
    this.verifiers =
        Platforms.installed().all().stream()
            .filter(p -> p.provides(Platform.Part.WEBHOOKS))
            .collect(Collectors.toUnmodifiableMap(Platform::id, p -> p.verifier(verification)));
    this.connections = connections;
    this.normalization = normalization;
    this.webhooks = webhooks;
    this.rejections = rejections;
    this.events = events;
    this.metrics = metrics;
    this.transaction = transaction;
    this.settings = settings;
  }

  boolean knows(String platform) {
    return verifiers.containsKey(platform);
  }

  /** How the platform's webhooks arrive; only for a platform {@link #knows known}. */
  static WebhookScheme scheme(String platform) {
    return Platforms.installed().get(platform).webhooks();
  }

  sealed interface Outcome {
    UUID webhookId();
  }

  /** Stored now (202). */
  record Accepted(UUID webhookId, List<String> eventIds) implements Outcome {}

  /** Stored before: the original webhook's id, nothing done (200). */
  record AlreadyReceived(UUID webhookId) implements Outcome {}

  /** Clover's verification POST, stored for the tenant to read the code (200). */
  record VerificationStored(UUID webhookId) implements Outcome {}

  /** Refused before the connection was looked up (size, media type): recorded, counted. */
  void refuseEarly(ReceivedWebhook webhook, String reason, ProblemException problem) {
    reject(null, webhook, reason, problem.getMessage());
    throw problem;
  }

  /** The app's one webhook URL on a platform whose apps have one for all accounts. */
  String appUrl(String platform) {
    return trimSlash(settings.publicBaseUrl()) + "/webhooks/" + platform;
  }

  /**
   * The connection an app-level delivery is for: the live connection of the account its body names
   * (verified afterwards, with that connection's secrets, like any delivery).
   */
  UUID connectionOfAccount(ReceivedWebhook webhook) {
    Platform platform = Platforms.installed().get(webhook.platform());
    Optional<String> account = platform.webhooks().accountId(webhook.body());
    if (account.isEmpty()) {
      reject(null, webhook, "UNKNOWN_ACCOUNT", "the delivery names no single account");
      throw WebhookProblems.invalidPayload("The webhook names no single account.");
    }
    Optional<ConnectionCredentials> found;
    try {
      found = connections.loadByAccount(webhook.platform(), account.get());
    } catch (ConnectorUnavailable e) {
      log.warn(
          "Cannot load the connection of a {} account: {}", webhook.platform(), e.getMessage());
      throw WebhookProblems.connectorUnavailable();
    }
    if (found.isEmpty()) {
      countOnly(webhook, "UNKNOWN_CONNECTION");
      throw WebhookProblems.unknownConnection();
    }
    return found.get().connectionId();
  }

  /** The connection's health shows the last accepted webhook (told to connector-service). */
  void seen(ReceivedWebhook webhook) {
    connections.webhookReceived(webhook.connectionId(), webhook.receivedAt());
  }

  boolean appLevel(String platform) {
    return Platforms.installed()
        .find(platform)
        .map(p -> p.provides(Platform.Part.WEBHOOKS) && p.webhooks().appLevel())
        .orElse(false);
  }

  Outcome receive(ReceivedWebhook webhook) {
    ConnectionCredentials connection = activeConnection(webhook);
    String tenantId = connection.tenantId();
    WebhookCredentials credentials = credentials(webhook, connection);
    Verdict verdict = verify(webhook, credentials);

    if (verdict instanceof Verdict.Invalid invalid) {
      reject(tenantId, webhook, invalid.reason().name(), invalid.message());
      throw problemFor(invalid);
    }
    if (verdict instanceof Verdict.Verification verification) {
      return storeVerification(webhook, tenantId, verification, connection);
    }
    Optional<String> platformKey = ((Verdict.Valid) verdict).dedupKey();

    UUID webhookId = UUID.randomUUID();
    EventNormalization.Result normalized;
    try {
      normalized =
          normalization.normalize(
              new EventNormalization.Input(
                  webhook.platform(),
                  webhookId,
                  tenantId,
                  webhook.connectionId(),
                  topicOf(webhook.platform(), webhook.headers()),
                  connection.settings().get(SettingsRules.CURRENCY),
                  webhook.body(),
                  webhook.receivedAt(),
                  false,
                  connection.template(),
                  connection.templateEvent(),
                  connection.apiAccess()));
    } catch (NotNormalizable e) {
      return storeFailed(webhook, tenantId, webhookId, platformKey, credentials, e.getMessage());
    } catch (RuntimeException e) {
      // A bug of ours on an authentic body: kept like any failure, replayable after the fix.
      log.warn("Normalizing {} webhook {} failed unexpectedly", webhook.platform(), webhookId, e);
      return storeFailed(
          webhook,
          tenantId,
          webhookId,
          platformKey,
          credentials,
          "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    String deliveryId =
        platformKey
            .or(() -> Optional.ofNullable(normalized.platformEventId()))
            .orElseGet(() -> "sha256:" + sha256(webhook.body()));

    Optional<UUID> original =
        webhooks
            .findDelivery(tenantId, webhook.connectionId(), deliveryId)
            .or(() -> byContent(tenantId, webhook.connectionId(), normalized.contentKey()));
    if (original.isPresent()) {
      metrics.duplicate(webhook.platform());
      return new AlreadyReceived(original.get());
    }

    List<String> eventIds = normalized.events().stream().map(WebhookEvents::eventId).toList();
    Entry entry =
        new Entry(
            webhookId,
            tenantId,
            webhook.connectionId(),
            webhook.platform(),
            deliveryId,
            topicOf(webhook.platform(), webhook.headers()),
            eventIds.isEmpty() ? Status.STORED : Status.EMITTED,
            normalized.summary(),
            webhook.redactedHeaders(),
            webhook.redactedQuery(),
            scheme(webhook.platform()).storableBody(webhook.body(), credentials),
            eventIds,
            webhook.receivedAt());
    try {
      transaction.executeWithoutResult(
          tx -> {
            webhooks.add(entry, normalized.contentKey());
            for (SpecificRecord event : normalized.events()) {
              events.append(
                  tenantId,
                  webhook.platform(),
                  WebhookEvents.withAccount(event, connection.accountId()));
            }
          });
    } catch (DuplicateKeyException e) {
      // The same delivery raced in on another request: the first one to commit wins.
      metrics.duplicate(webhook.platform());
      return new AlreadyReceived(
          webhooks
              .findDelivery(tenantId, webhook.connectionId(), deliveryId)
              .or(() -> byContent(tenantId, webhook.connectionId(), normalized.contentKey()))
              .orElseThrow(() -> e));
    }
    metrics.accepted(webhook.platform());
    log.info(
        "Stored {} webhook {} for connection {}, status {}, {} event(s)",
        webhook.platform(),
        webhookId,
        webhook.connectionId(),
        entry.status(),
        eventIds.size());
    return new Accepted(webhookId, eventIds);
  }

  /**
   * The webhook stored before whose signed body identifies the same thing: a body re-posted under a
   * new, unsigned delivery id (Shopify's webhook id header) is a duplicate, not a second sale.
   */
  private Optional<UUID> byContent(String tenantId, UUID connectionId, String contentKey) {
    return contentKey == null
        ? Optional.empty()
        : webhooks.findContent(tenantId, connectionId, contentKey);
  }

  /**
   * A verified delivery whose body did not normalize: the platform signed it, so it is kept (status
   * {@code FAILED}, the error as its outcome), shown in the log and replayable once the rules are
   * fixed, and answered 202 so that the platform does not retry it and then drop the subscription.
   */
  private Outcome storeFailed(
      ReceivedWebhook webhook,
      String tenantId,
      UUID webhookId,
      Optional<String> platformKey,
      WebhookCredentials credentials,
      String error) {
    String deliveryId = platformKey.orElseGet(() -> "sha256:" + sha256(webhook.body()));
    Optional<UUID> original = webhooks.findDelivery(tenantId, webhook.connectionId(), deliveryId);
    if (original.isPresent()) {
      metrics.duplicate(webhook.platform());
      return new AlreadyReceived(original.get());
    }
    String outcome = "normalization failed: " + error;
    Entry entry =
        new Entry(
            webhookId,
            tenantId,
            webhook.connectionId(),
            webhook.platform(),
            deliveryId,
            topicOf(webhook.platform(), webhook.headers()),
            Status.FAILED,
            outcome.length() > 1000 ? outcome.substring(0, 1000) + "..." : outcome,
            webhook.redactedHeaders(),
            webhook.redactedQuery(),
            scheme(webhook.platform()).storableBody(webhook.body(), credentials),
            List.of(),
            webhook.receivedAt());
    try {
      webhooks.add(entry);
    } catch (DuplicateKeyException e) {
      metrics.duplicate(webhook.platform());
      return new AlreadyReceived(
          webhooks.findDelivery(tenantId, webhook.connectionId(), deliveryId).orElseThrow(() -> e));
    }
    metrics.failed(webhook.platform());
    log.warn(
        "Stored {} webhook {} for connection {} as FAILED: {}",
        webhook.platform(),
        webhookId,
        webhook.connectionId(),
        error);
    return new Accepted(webhookId, List.of());
  }

  /**
   * A URL-verification POST (Clover's) is taken only while the connection has no secret yet: it
   * carries no credential, so once the connection has its auth code anyone could post them forever.
   * And it is small.
   */
  private Outcome storeVerification(
      ReceivedWebhook webhook,
      String tenantId,
      Verdict.Verification verification,
      ConnectionCredentials connection) {
    if (!connection.secrets().isEmpty()) {
      reject(
          tenantId,
          webhook,
          Reason.MISSING_SIGNATURE.name(),
          "a verification POST to a connection that already has its secret");
      throw WebhookProblems.invalidSignature();
    }
    long limit = settings.maxVerificationBodySize().toBytes();
    if (webhook.body().length > limit) {
      reject(
          tenantId, webhook, "PAYLOAD_TOO_LARGE", "a verification POST over " + limit + " bytes");
      throw WebhookProblems.tooLarge(limit);
    }
    String deliveryId = "verification:" + sha256(webhook.body());
    Optional<UUID> original = webhooks.findDelivery(tenantId, webhook.connectionId(), deliveryId);
    if (original.isPresent()) {
      metrics.duplicate(webhook.platform());
      return new VerificationStored(original.get());
    }
    UUID webhookId = UUID.randomUUID();
    webhooks.add(
        new Entry(
            webhookId,
            tenantId,
            webhook.connectionId(),
            webhook.platform(),
            deliveryId,
            "verification",
            Status.VERIFICATION,
            // The code is what the tenant pastes into Clover's dashboard; it grants nothing here.
            "verification code: " + verification.code(),
            webhook.redactedHeaders(),
            webhook.redactedQuery(),
            webhook.body(),
            List.of(),
            webhook.receivedAt()));
    metrics.accepted(webhook.platform());
    return new VerificationStored(webhookId);
  }

  private WebhookCredentials credentials(
      ReceivedWebhook webhook, ConnectionCredentials connection) {
    return WebhookCredentialsMapping.toWebhookCredentials(
        Platforms.installed().get(webhook.platform()),
        connection,
        notificationUrl(webhook, connection));
  }

  private String notificationUrl(ReceivedWebhook webhook, ConnectionCredentials connection) {
    if (webhook.appUrl() != null) {
      return webhook.appUrl();
    }
    String publicUrl =
        trimSlash(settings.publicBaseUrl())
            + "/webhooks/"
            + webhook.platform()
            + "/"
            + webhook.connectionId();
    return Optional.ofNullable(WebhookCredentialsMapping.notificationUrl(connection))
        .orElse(publicUrl);
  }

  private Verdict verify(ReceivedWebhook webhook, WebhookCredentials credentials) {
    String url =
        scheme(webhook.platform()).verifiedUrl(credentials.notificationUrl(), webhook.query());
    WebhookRequest request =
        new WebhookRequest(
            webhook.platform(),
            "POST",
            url,
            WebhookHeaders.ofSingle(webhook.headers()),
            webhook.body(),
            webhook.receivedAt(),
            webhook.remoteAddress());
    return verifiers.get(webhook.platform()).verify(request, credentials);
  }

  private ConnectionCredentials activeConnection(ReceivedWebhook webhook) {
    Optional<ConnectionCredentials> found;
    try {
      found = connections.load(webhook.connectionId());
    } catch (ConnectorUnavailable e) {
      log.warn("Cannot load connection {}: {}", webhook.connectionId(), e.getMessage());
      throw WebhookProblems.connectorUnavailable();
    }
    if (found.isEmpty()) {
      countOnly(webhook, "UNKNOWN_CONNECTION");
      throw WebhookProblems.unknownConnection();
    }
    ConnectionCredentials connection = found.get();
    if (!webhook.platform().equals(connection.platform())) {
      // Recorded without the tenant: the caller named the wrong platform, the tenant did nothing.
      reject(
          null,
          webhook,
          "WRONG_PLATFORM",
          "the connection is not a " + webhook.platform() + " one");
      throw WebhookProblems.wrongPlatform();
    }
    if (!connection.active()) {
      reject(connection.tenantId(), webhook, "CONNECTION_DISABLED", "the connection is disabled");
      throw WebhookProblems.disabledConnection();
    }
    return connection;
  }

  private static ProblemException problemFor(Verdict.Invalid invalid) {
    return switch (invalid.reason()) {
      case STALE_TIMESTAMP -> WebhookProblems.staleTimestamp();
      case BAD_CREDENTIAL, NOT_CONFIGURED -> WebhookProblems.invalidCredential();
      case MALFORMED -> WebhookProblems.invalidPayload("The webhook is malformed.");
      case MISSING_SIGNATURE, BAD_SIGNATURE -> WebhookProblems.invalidSignature();
    };
  }

  /**
   * A refusal that names nobody (an id no connection has): counted, not stored. Anyone can post to
   * random ids, and a row per request would let them fill the database; no tenant would read it.
   */
  private void countOnly(ReceivedWebhook webhook, String reason) {
    metrics.rejected(webhook.platform(), reason);
    log.debug(
        "Refused {} webhook for unknown connection {}", webhook.platform(), webhook.connectionId());
  }

  private void reject(String tenantId, ReceivedWebhook webhook, String reason, String detail) {
    rejections.record(
        tenantId, webhook.connectionId(), webhook.platform(), reason, detail, webhook.receivedAt());
    metrics.rejected(webhook.platform(), reason);
    log.info(
        "Rejected {} webhook for connection {}: {}",
        webhook.platform(),
        webhook.connectionId(),
        reason);
  }

  /** The platform's own name for what happened, where it sends one in a header. */
  static String topicOf(String platform, Map<String, String> headers) {
    return scheme(platform).topic(WebhookHeaders.ofSingle(headers));
  }

  static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
