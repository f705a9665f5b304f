package io.ledgerline.platforms.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ledgerline.platforms.Platform;
import io.ledgerline.platforms.Platforms;
import java.time.Instant;

/**
 * Every parser of sender-controlled input only ever yields a Verdict: hostile bodies and headers
 * end as a defined rejection, never as an exception. Without JAZZER_FUZZ these run the seed inputs
 * in {@code ParserFuzzTestInputs/} (regression mode, seconds); with {@code JAZZER_FUZZ=1} each
 * fuzzes for its maxDuration.
 */
class ParserFuzzTest {

  private static final Instant NOW = Fixtures.NOW;

  private static final WebhookCredentials CREDENTIALS =
      WebhookCredentials.builder()
          .secret("00D5e000000KQ2eEAG")
          .username("ledgerline")
          .channelId("1000000068001")
          .allowedSourceIp("13.108.0.0/14")
          .build();

  private static Verdict verify(String platform, WebhookRequest request) {
    Verdict verdict =
        Platforms.installed()
            .get(platform)
            .verifier(VerificationSettings.defaults())
            .verify(request, CREDENTIALS);
    assertThat(verdict).isNotNull();
    return verdict;
  }

  private static WebhookRequest bodyOnly(String platform, byte[] body) {
    return new WebhookRequest(
        platform, "POST", "", WebhookHeaders.empty(), body, NOW, "13.108.0.1");
  }

  @FuzzTest(maxDuration = "15s")
  void salesforceXmlOnlyYieldsAVerdict(byte[] body) {
    verify("salesforce", bodyOnly("salesforce", body));
  }

  @FuzzTest(maxDuration = "15s")
  void zohoJsonOnlyYieldsAVerdict(byte[] body) {
    verify("zoho", bodyOnly("zoho", body));
  }

  @FuzzTest(maxDuration = "15s")
  void cloverJsonOnlyYieldsAVerdict(byte[] body) {
    Verdict verdict = verify("clover", bodyOnly("clover", body));
    assertThat(verdict).isNotInstanceOf(Verdict.Valid.class);
  }

  @FuzzTest(maxDuration = "15s")
  void lightspeedUrlAndFormBodyOnlyYieldAVerdict(FuzzedDataProvider data) {
    // Mostly the right token, so the form and JSON parsers behind the token check are reached.
    String url =
        "https://hooks.ledgerline.test/webhooks/lightspeed/c?"
            + (data.consumeBoolean() ? "token=00D5e000000KQ2eEAG" : data.consumeString(200));
    byte[] body = data.consumeRemainingAsBytes();
    verify(
        "lightspeed",
        new WebhookRequest("lightspeed", "POST", url, WebhookHeaders.empty(), body, NOW));
  }

  @FuzzTest(maxDuration = "15s")
  void signatureAndTimestampHeadersOnlyYieldAVerdict(FuzzedDataProvider data) {
    String platform =
        data.pickValue(
            Platforms.installed().providing(Platform.Part.WEBHOOKS).toArray(String[]::new));
    WebhookHeaders headers = WebhookHeaders.empty();
    String[] names = {
      "X-HubSpot-Signature-V3",
      "X-HubSpot-Request-Timestamp",
      "X-HubSpot-Signature",
      "X-HubSpot-Signature-Version",
      "Authorization",
      "x-square-hmacsha256-signature",
      "X-Shopify-Hmac-Sha256",
      "X-Shopify-Webhook-Id",
      "X-Clover-Auth",
      "webhook-id",
      "webhook-timestamp",
      "webhook-signature"
    };
    int count = data.consumeInt(0, 8);
    for (int i = 0; i < count; i++) {
      headers = headers.with(data.pickValue(names), data.consumeString(120));
    }
    String method = data.consumeString(10);
    String url = data.consumeString(200);
    String remote = data.consumeString(45);
    byte[] body = data.consumeRemainingAsBytes();
    WebhookRequest request = new WebhookRequest(platform, method, url, headers, body, NOW, remote);
    Verdict verdict =
        Platforms.installed()
            .get(platform)
            .verifier(VerificationSettings.defaults())
            .verify(
                request,
                WebhookCredentials.builder()
                    .secret("secret-A")
                    .secret("whsec_c2VjcmV0LUE=")
                    .allowedSourceIp("13.108.0.0/14")
                    .allowedSourceIp("2001:db8::/32")
                    .build());
    assertThat(verdict).isNotNull();
  }
}
