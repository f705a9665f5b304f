package io.ledgerline.ingest.webhook;

import io.ledgerline.ingest.IngestSettings;
import io.ledgerline.ingest.webhook.ReceiveWebhook.Accepted;
import io.ledgerline.ingest.webhook.ReceiveWebhook.Outcome;
import io.ledgerline.platforms.webhook.WebhookScheme;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/{platform}/{connectionId}}: public, authenticated by each platform's own
 * scheme. The body is read here as raw bytes, with a hard size limit, because signatures cover the
 * bytes exactly as sent; no message converter sees it first.
 */
@RestController
class WebhookController {

  private final ReceiveWebhook receive;
  private final IngestSettings settings;
  private final Clock clock;

  WebhookController(ReceiveWebhook receive, IngestSettings settings, Clock clock) {
    this.receive = receive;
    this.settings = settings;
    this.clock = clock;
  }

  record WebhookReceipt(UUID id) {}

  /**
   * {@code POST /webhooks/{platform}}: the one URL of an app on platforms whose apps have one for
   * every account (HubSpot, Square, Clover). The body names the account; the delivery then goes to
   * that account's connection, verified with its (the app's) secret over this URL, and is listed in
   * the webhook log under that connection.
   */
  @PostMapping("/webhooks/{platform}")
  ResponseEntity<?> receiveForApp(@PathVariable String platform, HttpServletRequest request)
      throws IOException {
    if (!receive.knows(platform) || !receive.appLevel(platform)) {
      throw WebhookProblems.unknownPlatform();
    }
    return handle(platform, null, request);
  }

  @PostMapping("/webhooks/{platform}/{connectionId}")
  ResponseEntity<?> receive(
      @PathVariable String platform, @PathVariable String connectionId, HttpServletRequest request)
      throws IOException {
    if (!receive.knows(platform)) {
      throw WebhookProblems.unknownPlatform();
    }
    UUID connection;
    try {
      connection = UUID.fromString(connectionId);
    } catch (IllegalArgumentException e) {
      throw WebhookProblems.unknownConnection();
    }
    return handle(platform, connection, request);
  }

  /**
   * @param connection null for an app-level delivery: found from the account it names
   */
  private ResponseEntity<?> handle(String platform, UUID connection, HttpServletRequest request)
      throws IOException {
    // Microseconds: what PostgreSQL keeps, so the log's cursor compares exactly.
    ReceivedWebhook received =
        new ReceivedWebhook(
            platform,
            connection,
            headers(request),
            new byte[0],
            clock.instant().truncatedTo(ChronoUnit.MICROS),
            request.getQueryString(),
            request.getRemoteAddr());
    long limit = settings.maxBodySize().toBytes();
    if (request.getContentLengthLong() > limit) {
      receive.refuseEarly(received, "PAYLOAD_TOO_LARGE", WebhookProblems.tooLarge(limit));
    }
    if (!PlatformFormats.accepts(platform, request.getContentType())) {
      receive.refuseEarly(
          received,
          "UNSUPPORTED_MEDIA_TYPE",
          WebhookProblems.unsupportedMediaType(PlatformFormats.expected(platform)));
    }
    byte[] body = readAtMost(request, limit);
    if (body.length > limit) {
      receive.refuseEarly(received, "PAYLOAD_TOO_LARGE", WebhookProblems.tooLarge(limit));
    }
    ReceivedWebhook complete =
        new ReceivedWebhook(
            platform,
            connection,
            received.headers(),
            body,
            received.receivedAt(),
            received.query(),
            received.remoteAddress(),
            connection == null ? receive.appUrl(platform) : null);
    if (connection == null) {
      UUID routed = receive.connectionOfAccount(complete);
      complete =
          new ReceivedWebhook(
              platform,
              routed,
              complete.headers(),
              body,
              complete.receivedAt(),
              complete.query(),
              complete.remoteAddress(),
              complete.appUrl());
    }
    Outcome outcome = receive.receive(complete);
    receive.seen(complete);
    WebhookScheme.Acknowledgement ack = ReceiveWebhook.scheme(platform).acknowledgement();
    if (ack != null) {
      // The platform retries unless it gets exactly this answer (Salesforce's SOAP Ack).
      return ResponseEntity.ok()
          .contentType(MediaType.parseMediaType(ack.contentType()))
          .body(ack.body());
    }
    HttpStatus status = outcome instanceof Accepted ? HttpStatus.ACCEPTED : HttpStatus.OK;
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(new WebhookReceipt(outcome.webhookId()));
  }

  /** Reads one byte more than allowed, to tell a body at the limit from one over it. */
  private static byte[] readAtMost(HttpServletRequest request, long limit) throws IOException {
    try (InputStream in = request.getInputStream()) {
      return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    }
  }

  private static Map<String, String> headers(HttpServletRequest request) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, request.getHeader(name));
    }
    return headers;
  }
}
