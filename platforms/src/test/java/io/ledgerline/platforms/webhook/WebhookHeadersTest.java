package io.ledgerline.platforms.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookHeadersTest {

  @Test
  void namesCompareCaseInsensitivelyAndValuesKeepTheirOrder() {
    WebhookHeaders headers =
        WebhookHeaders.of(
            Map.of(
                "X-Shopify-Hmac-Sha256",
                List.of("a"),
                "webhook-signature",
                List.of("v1,x", "v1,y")));

    assertThat(headers.first("x-shopify-hmac-sha256")).contains("a");
    assertThat(headers.all("Webhook-Signature")).containsExactly("v1,x", "v1,y");
    assertThat(headers.first("absent")).isEmpty();
    assertThat(headers.with("X-New", "1").first("x-new")).contains("1");
  }

  @Test
  void theBuilderMergesNamesThatDifferOnlyInCase() {
    WebhookHeaders headers =
        WebhookHeaders.builder()
            .add("Webhook-Signature", "v1,x")
            .add("webhook-signature", "v1,y")
            .build();

    assertThat(headers.all("WEBHOOK-SIGNATURE")).containsExactly("v1,x", "v1,y");
  }

  @Test
  void neverPrintsValuesWhichMayBeCredentials() {
    WebhookHeaders headers = WebhookHeaders.ofSingle(Map.of("Authorization", "Basic c2VjcmV0"));

    assertThat(headers.toString()).doesNotContain("c2VjcmV0");
    assertThat(WebhookCredentials.of("s3cr3t").toString()).doesNotContain("s3cr3t");
  }
}
