package io.ledgerline.ingest.webhook;

import io.ledgerline.ingest.IngestSettings;
import io.ledgerline.ingest.webhook.ReceiveShopifyWebhook.Accepted;
import io.ledgerline.ingest.webhook.ReceiveShopifyWebhook.Outcome;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/shopify/{connectionId}}: public, authenticated by Shopify's signature. The
 * body is read here as raw bytes, with a hard size limit, because the signature covers the bytes
 * exactly as sent; no message converter sees it first.
 */
@RestController
class ShopifyWebhookController {

  private final ReceiveShopifyWebhook receive;
  private final IngestSettings settings;
  private final Clock clock;

  ShopifyWebhookController(ReceiveShopifyWebhook receive, IngestSettings settings, Clock clock) {
    this.receive = receive;
    this.settings = settings;
    this.clock = clock;
  }

  record WebhookReceipt(UUID id) {}

  @PostMapping("/webhooks/shopify/{connectionId}")
  ResponseEntity<WebhookReceipt> receive(
      @PathVariable UUID connectionId, HttpServletRequest request) throws IOException {
    long limit = settings.maxBodySize().toBytes();
    if (request.getContentLengthLong() > limit) {
      throw WebhookProblems.tooLarge(limit);
    }
    if (!isJson(request.getContentType())) {
      throw WebhookProblems.notJson();
    }
    byte[] body = readAtMost(request, limit);
    Outcome outcome =
        receive.receive(
            new ReceivedWebhook(
                ReceiveShopifyWebhook.PLATFORM,
                connectionId,
                headers(request),
                body,
                clock.instant()));
    HttpStatus status = outcome instanceof Accepted ? HttpStatus.ACCEPTED : HttpStatus.OK;
    return ResponseEntity.status(status).body(new WebhookReceipt(outcome.webhookId()));
  }

  /** Reads one byte more than allowed, to tell a body at the limit from one over it. */
  private static byte[] readAtMost(HttpServletRequest request, long limit) throws IOException {
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (body.length > limit) {
        throw WebhookProblems.tooLarge(limit);
      }
      return body;
    }
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return MediaType.APPLICATION_JSON.isCompatibleWith(type)
          || "json".equals(type.getSubtypeSuffix());
    } catch (InvalidMediaTypeException e) {
      return false;
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
