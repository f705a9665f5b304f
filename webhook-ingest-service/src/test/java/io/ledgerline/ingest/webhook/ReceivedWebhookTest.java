package io.ledgerline.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReceivedWebhookTest {

  private final ReceivedWebhook webhook =
      new ReceivedWebhook(
          "shopify",
          UUID.randomUUID(),
          Map.of(
              "X-Shopify-Hmac-Sha256", "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=",
              "Authorization", "Bearer abc",
              "X-Shopify-Topic", "orders/paid",
              "X-Shopify-Webhook-Id", "123"),
          new byte[0],
          Instant.EPOCH);

  @Test
  void readsHeadersWhateverTheirCase() {
    assertThat(webhook.header("x-shopify-topic")).isEqualTo("orders/paid");
    assertThat(webhook.header("X-SHOPIFY-WEBHOOK-ID")).isEqualTo("123");
  }

  @Test
  void redactsSignaturesAndCredentialsBeforeTheyAreStored() {
    assertThat(webhook.redactedHeaders())
        .containsEntry("x-shopify-hmac-sha256", "[redacted]")
        .containsEntry("authorization", "[redacted]")
        .containsEntry("x-shopify-topic", "orders/paid")
        .containsEntry("x-shopify-webhook-id", "123");
  }
}
