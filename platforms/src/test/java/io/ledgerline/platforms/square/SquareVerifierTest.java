package io.ledgerline.platforms.square;

import static io.ledgerline.platforms.webhook.Fixtures.NOW;
import static io.ledgerline.platforms.webhook.Fixtures.fixture;
import static io.ledgerline.platforms.webhook.Fixtures.flipOneByte;
import static io.ledgerline.platforms.webhook.Fixtures.request;
import static io.ledgerline.platforms.webhook.VerdictAssertions.assertRejected;
import static io.ledgerline.platforms.webhook.VerdictAssertions.assertValid;

import io.ledgerline.platforms.Platforms;
import io.ledgerline.platforms.webhook.Fixtures;
import io.ledgerline.platforms.webhook.Reason;
import io.ledgerline.platforms.webhook.VerificationSettings;
import io.ledgerline.platforms.webhook.WebhookCredentials;
import io.ledgerline.platforms.webhook.WebhookVerifier;
import org.junit.jupiter.api.Test;

class SquareVerifierTest {

  private final WebhookVerifier verifier =
      Platforms.installed().get("square").verifier(VerificationSettings.defaults());

  // Square's published SDK test (square-java-sdk WebhooksHelperTest and the other SDKs).
  private static final String PUBLISHED_BODY =
      "{\"merchant_id\":\"MLEFBHHSJGVHD\",\"type\":\"webhooks.test_notification\",\"event_id\":"
          + "\"ac3ac95b-f97d-458c-a6e6-18981597e05f\",\"created_at\":\"2022-07-13T20:30:59.037339943Z\","
          + "\"data\":{\"type\":\"webhooks\",\"id\":\"bc368e64-01aa-407e-b46e-3231809b1129\"}}";
  private static final String PUBLISHED_URL =
      "https://webhook.site/679a4f3a-dcfa-49ee-bac5-9d0edad886b9";
  private static final String PUBLISHED_KEY = "Ibxx_5AKakO-3qeNVR61Dw";
  private static final String PUBLISHED_SIGNATURE = "GF4YkrJgGBDZ9NIYbNXBnMzqb2HoL4RW/S6vkZ9/2N4=";

  private static final String URL = "https://hooks.ledgerline.test/webhooks/square/conn-5";
  // (printf %s '<URL>'; cat fixtures/square-payment-created.json)
  //   | openssl dgst -sha256 -hmac sq-signature-key-A -binary | base64
  private static final String SIGNATURE_A = "lkF5eQMJ1GwvlAK/HqKeZBcAuC5DtHDCSwO81YZdXzk=";

  private final WebhookCredentials credentials = WebhookCredentials.of("sq-signature-key-A");

  private final Fixtures.RequestBuilder signed =
      request("square")
          .url(URL)
          .header("x-square-hmacsha256-signature", SIGNATURE_A)
          .body(fixture("square-payment-created.json"));

  @Test
  void verifiesSquaresPublishedExample() {
    assertValid(
        verifier.verify(
            request("square")
                .url(PUBLISHED_URL)
                .header("X-Square-HmacSha256-Signature", PUBLISHED_SIGNATURE)
                .body(PUBLISHED_BODY)
                .build(),
            WebhookCredentials.of(PUBLISHED_KEY)),
        "ac3ac95b-f97d-458c-a6e6-18981597e05f");
  }

  @Test
  void acceptsASignedPaymentWithItsEventIdAsDedupKey() {
    assertValid(
        verifier.verify(signed.build(), credentials), "5c7e0a52-1b0f-4d5e-8d8f-0d1a2b3c4d5e");
  }

  @Test
  void signsTheSubscriptionsNotificationUrlNotTheProxiedOne() {
    WebhookCredentials withUrl =
        WebhookCredentials.builder().secret("sq-signature-key-A").notificationUrl(URL).build();

    assertValid(
        verifier.verify(
            signed.copy().url("http://10.0.0.7:8083/webhooks/square/conn-5").build(), withUrl));
  }

  @Test
  void rejectsABodyWithOneByteChanged() {
    assertRejected(
        verifier.verify(
            signed.copy().body(flipOneByte(fixture("square-payment-created.json"))).build(),
            credentials),
        Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsAnotherUrl() {
    assertRejected(
        verifier.verify(signed.copy().url(URL + "/").build(), credentials), Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsATamperedOrMissingSignatureHeader() {
    assertRejected(
        verifier.verify(
            signed.copy().header("x-square-hmacsha256-signature", PUBLISHED_SIGNATURE).build(),
            credentials),
        Reason.BAD_SIGNATURE);
    assertRejected(
        verifier.verify(
            signed.copy().withoutHeader("x-square-hmacsha256-signature").build(), credentials),
        Reason.MISSING_SIGNATURE);
  }

  @Test
  void rejectsAnotherKey() {
    assertRejected(
        verifier.verify(signed.build(), WebhookCredentials.of("sq-signature-key-B")),
        Reason.BAD_SIGNATURE);
  }

  @Test
  void rotationKeepsTheOldKeyOnlyUntilItExpires() {
    assertValid(
        verifier.verify(
            signed.build(),
            WebhookCredentials.builder()
                .secret("sq-signature-key-B")
                .secret("sq-signature-key-A", NOW.plusSeconds(3600))
                .build()));
    assertRejected(
        verifier.verify(
            signed.build(),
            WebhookCredentials.builder()
                .secret("sq-signature-key-B")
                .secret("sq-signature-key-A", NOW.minusSeconds(3600))
                .build()),
        Reason.BAD_SIGNATURE);
  }
}
