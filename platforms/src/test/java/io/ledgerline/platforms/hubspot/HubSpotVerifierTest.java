package io.ledgerline.platforms.hubspot;

import static io.ledgerline.platforms.webhook.Fixtures.NOW;
import static io.ledgerline.platforms.webhook.Fixtures.fixture;
import static io.ledgerline.platforms.webhook.Fixtures.flipOneByte;
import static io.ledgerline.platforms.webhook.Fixtures.request;
import static io.ledgerline.platforms.webhook.VerdictAssertions.assertRejected;
import static io.ledgerline.platforms.webhook.VerdictAssertions.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.platforms.Platforms;
import io.ledgerline.platforms.webhook.Fixtures;
import io.ledgerline.platforms.webhook.Reason;
import io.ledgerline.platforms.webhook.Verdict;
import io.ledgerline.platforms.webhook.VerificationSettings;
import io.ledgerline.platforms.webhook.WebhookCredentials;
import io.ledgerline.platforms.webhook.WebhookVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HubSpotVerifierTest {

  private final WebhookVerifier verifier =
      Platforms.installed().get("hubspot").verifier(VerificationSettings.defaults());

  // HubSpot's published test data (hubspot-api-python tests/spec/utils/test_signature.py).
  private static final String PUBLISHED_SECRET = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";
  private static final String PUBLISHED_BODY = "{'example_field':'example_value'}";
  private static final String PUBLISHED_URL = "https://www.example.com/webhook_uri";

  private static final String URL = "https://hooks.ledgerline.test/webhooks/hubspot/conn-1";
  private static final String TIMESTAMP_MILLIS = "1763900000000";

  // (printf %s 'POST<URL>'; cat fixtures/hubspot-deal-property-change.json; printf %s
  // 1763900000000)
  //   | openssl dgst -sha256 -hmac hs-client-secret-A -binary | base64
  private static final String V3_A = "VBGh+EDPxE+1MUgnljh0rVfGLqY8otpnIGNFNq4gQOA=";
  // (printf %s hs-client-secret-A; cat fixtures/hubspot-deal-property-change.json) | sha256sum
  private static final String V1_A =
      "5678292a99e8e6f9fcc71231dfb4c62c0f7d4e361f7bb9a49f56937b8e3b3012";
  // (printf %s 'hs-client-secret-APOST<URL>'; cat fixtures/hubspot-deal-property-change.json)
  //   | sha256sum
  private static final String V2_A =
      "7b077fe3aaeb500abf0e8ba8243786077dcaba5d91931882a4b2f1eaa4e81a08";

  private final WebhookCredentials credentials = WebhookCredentials.of("hs-client-secret-A");

  private final Fixtures.RequestBuilder v3 =
      request("hubspot")
          .url(URL)
          .header("X-HubSpot-Signature-V3", V3_A)
          .header("X-HubSpot-Request-Timestamp", TIMESTAMP_MILLIS)
          .header("X-HubSpot-Signature-Version", "v3")
          .body(fixture("hubspot-deal-property-change.json"));

  @Test
  void verifiesHubSpotsPublishedV3Example() {
    // Published: "HPW73RUtKmcYoEDADG0s6MmGFWUzWJKAW07r8RDgcQw=" at timestamp 15000000; re-checked
    // with
    // printf %s "POST${URL}${BODY}15000000" | openssl dgst -sha256 -hmac "$SECRET" -binary | base64
    Instant signedAt = Instant.ofEpochMilli(15000000L);
    Verdict verdict =
        verifier.verify(
            request("hubspot")
                .url(PUBLISHED_URL)
                .header("X-HubSpot-Signature-V3", "HPW73RUtKmcYoEDADG0s6MmGFWUzWJKAW07r8RDgcQw=")
                .header("X-HubSpot-Request-Timestamp", "15000000")
                .body(PUBLISHED_BODY)
                .at(signedAt.plusSeconds(10))
                .build(),
            WebhookCredentials.of(PUBLISHED_SECRET));

    assertValid(verdict, null);
  }

  @Test
  void verifiesHubSpotsPublishedV1AndV2Examples() {
    Fixtures.RequestBuilder published = request("hubspot").url(PUBLISHED_URL).body(PUBLISHED_BODY);
    WebhookCredentials secret = WebhookCredentials.of(PUBLISHED_SECRET);

    assertValid(
        verifier.verify(
            published
                .copy()
                .header(
                    "X-HubSpot-Signature",
                    "69fc6631a867edd4f9e9e627fc5c1148e3fbdd8b21837b6d2b8901c1fa57f750")
                .header("X-HubSpot-Signature-Version", "v1")
                .build(),
            secret));
    assertValid(
        verifier.verify(
            published
                .copy()
                .header(
                    "X-HubSpot-Signature",
                    "4fe4e3a7d3cf09db53be39d0a58130e2aaba074ec123a9e355b876a689a1c383")
                .header("X-HubSpot-Signature-Version", "v2")
                .build(),
            secret));
    assertValid(
        verifier.verify(
            published
                .copy()
                .method("GET")
                .body(new byte[0])
                .header(
                    "X-HubSpot-Signature",
                    "eee2dddcc73c94d699f5e395f4b9d454a069a6855fbfa152e91e88823087200e")
                .header("X-HubSpot-Signature-Version", "v2")
                .build(),
            secret));
  }

  @Test
  void acceptsASignedV3Batch() {
    assertValid(verifier.verify(v3.build(), credentials), null);
  }

  @Test
  void acceptsSignedLegacyV1AndV2Requests() {
    Fixtures.RequestBuilder legacy =
        request("hubspot").url(URL).body(fixture("hubspot-deal-property-change.json"));
    assertValid(
        verifier.verify(
            legacy
                .copy()
                .header("X-HubSpot-Signature", V1_A)
                .header("X-HubSpot-Signature-Version", "v1")
                .build(),
            credentials));
    assertValid(
        verifier.verify(
            legacy
                .copy()
                .header("X-HubSpot-Signature", V2_A)
                .header("X-HubSpot-Signature-Version", "v2")
                .build(),
            credentials));
  }

  @Test
  void rejectsAV3BodyWithOneByteChanged() {
    assertRejected(
        verifier.verify(
            v3.copy().body(flipOneByte(fixture("hubspot-deal-property-change.json"))).build(),
            credentials),
        Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsAV2BodyWithOneByteChanged() {
    assertRejected(
        verifier.verify(
            request("hubspot")
                .url(URL)
                .header("X-HubSpot-Signature", V2_A)
                .header("X-HubSpot-Signature-Version", "v2")
                .body(flipOneByte(fixture("hubspot-deal-property-change.json")))
                .build(),
            credentials),
        Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsAnotherUrl() {
    assertRejected(
        verifier.verify(v3.copy().url(URL.replace("conn-1", "conn-2")).build(), credentials),
        Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsAnotherMethod() {
    assertRejected(
        verifier.verify(v3.copy().method("PUT").build(), credentials), Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsAMovedTimestampWithinTheTolerance() {
    assertRejected(
        verifier.verify(
            v3.copy().header("X-HubSpot-Request-Timestamp", "1763900001000").build(), credentials),
        Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsAReplayOlderThanFiveMinutes() {
    assertRejected(
        verifier.verify(
            v3.copy().at(NOW.plus(Duration.ofMinutes(5)).plusMillis(1)).build(), credentials),
        Reason.STALE_TIMESTAMP);
    assertValid(
        verifier.verify(v3.copy().at(NOW.plus(Duration.ofMinutes(5))).build(), credentials));
  }

  @Test
  void honoursAConfiguredToleranceAndTheClockWhenNoReceiptTimeIsGiven() {
    Clock sixMinutesLater = Clock.fixed(NOW.plus(Duration.ofMinutes(6)), ZoneOffset.UTC);
    WebhookVerifier lenient =
        new HubSpotVerifier(new VerificationSettings(sixMinutesLater, Duration.ofMinutes(10)));
    WebhookVerifier strict =
        new HubSpotVerifier(new VerificationSettings(sixMinutesLater, Duration.ofMinutes(5)));

    assertValid(lenient.verify(v3.copy().at(null).build(), credentials));
    assertRejected(strict.verify(v3.copy().at(null).build(), credentials), Reason.STALE_TIMESTAMP);
  }

  @Test
  void rejectsAnotherSecret() {
    assertRejected(
        verifier.verify(v3.build(), WebhookCredentials.of("hs-client-secret-B")),
        Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsMissingSignatureAndMalformedTimestampOrVersion() {
    assertRejected(
        verifier.verify(v3.copy().withoutHeader("X-HubSpot-Signature-V3").build(), credentials),
        Reason.MISSING_SIGNATURE);
    assertRejected(
        verifier.verify(
            v3.copy().header("X-HubSpot-Request-Timestamp", "yesterday").build(), credentials),
        Reason.MALFORMED);
    assertRejected(
        verifier.verify(
            request("hubspot")
                .header("X-HubSpot-Signature", V1_A)
                .header("X-HubSpot-Signature-Version", "v9")
                .build(),
            credentials),
        Reason.MALFORMED);
  }

  @Test
  void rotationKeepsTheOldSecretOnlyUntilItExpires() {
    WebhookCredentials overlap =
        WebhookCredentials.builder()
            .secret("hs-client-secret-B")
            .secret("hs-client-secret-A", NOW.plusSeconds(60))
            .build();
    WebhookCredentials expired =
        WebhookCredentials.builder()
            .secret("hs-client-secret-B")
            .secret("hs-client-secret-A", NOW)
            .build();

    assertValid(verifier.verify(v3.build(), overlap));
    assertRejected(verifier.verify(v3.build(), expired), Reason.BAD_SIGNATURE);
  }

  @Test
  void decodesTheEscapesHubSpotDecodesBeforeSigning() {
    assertThat(HubSpotVerifier.decodeForV3("https://x.test/a%3Ab?c=%40%2f"))
        .isEqualTo("https://x.test/a:b?c=@/");
  }
}
