package io.ledgerline.platforms.standardwebhooks;

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
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StandardWebhooksVerifierTest {

  private final WebhookVerifier verifier =
      Platforms.installed().get("standard-webhooks").verifier(VerificationSettings.defaults());

  // The Standard Webhooks specification's own test vector (libraries/go/webhook_test.go).
  private static final String PUBLISHED_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String PUBLISHED_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final String PUBLISHED_TIMESTAMP = "1614265330";
  private static final String PUBLISHED_BODY = "{\"test\": 2432232314}";
  private static final String PUBLISHED_SIGNATURE =
      "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  // printf %s ledgerline-standard-webhooks-key-A | base64
  private static final String SECRET_A = "whsec_bGVkZ2VybGluZS1zdGFuZGFyZC13ZWJob29rcy1rZXktQQ==";
  private static final String SECRET_B = "whsec_bGVkZ2VybGluZS1zdGFuZGFyZC13ZWJob29rcy1rZXktQg==";
  private static final String ID = "msg_2ZkTledgerline01";
  private static final String TIMESTAMP = "1763900000";
  // (printf %s 'msg_2ZkTledgerline01.1763900000.'; cat
  // fixtures/standard-webhooks-invoice-paid.json)
  //   | openssl dgst -sha256 -mac HMAC -macopt hexkey:$(printf %s
  // ledgerline-standard-webhooks-key-A
  //   | xxd -p -c 256) -binary | base64
  private static final String SIGNATURE_A = "/dJ0RKQhntiwqAaaPglzfX6w76hsIDvCYz9uDGCwSUw=";

  private final WebhookCredentials credentials = WebhookCredentials.of(SECRET_A);

  private final Fixtures.RequestBuilder signed =
      request("standard-webhooks")
          .header("webhook-id", ID)
          .header("webhook-timestamp", TIMESTAMP)
          .header("webhook-signature", "v1," + SIGNATURE_A)
          .body(fixture("standard-webhooks-invoice-paid.json"));

  @Test
  void verifiesTheSpecificationsPublishedTestVector() {
    assertValid(
        verifier.verify(
            request("standard-webhooks")
                .header("webhook-id", PUBLISHED_ID)
                .header("webhook-timestamp", PUBLISHED_TIMESTAMP)
                .header("webhook-signature", PUBLISHED_SIGNATURE)
                .body(PUBLISHED_BODY)
                .at(Instant.ofEpochSecond(1614265330L))
                .build(),
            WebhookCredentials.of(PUBLISHED_SECRET)),
        PUBLISHED_ID);
  }

  @Test
  void acceptsASignedMessageWithTheWebhookIdAsDedupKey() {
    assertValid(verifier.verify(signed.build(), credentials), ID);
  }

  @Test
  void acceptsWhenAnyOfSeveralSignaturesMatches() {
    assertValid(
        verifier.verify(
            signed
                .copy()
                .header(
                    "webhook-signature",
                    "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= v1a,whatever v1,"
                        + SIGNATURE_A)
                .build(),
            credentials));
  }

  @Test
  void rejectsABodyWithOneByteChanged() {
    assertRejected(
        verifier.verify(
            signed.copy().body(flipOneByte(fixture("standard-webhooks-invoice-paid.json"))).build(),
            credentials),
        Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsAnotherMessageId() {
    assertRejected(
        verifier.verify(signed.copy().header("webhook-id", "msg_other").build(), credentials),
        Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsAMovedTimestamp() {
    assertRejected(
        verifier.verify(
            signed.copy().header("webhook-timestamp", "1763900001").build(), credentials),
        Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsTimestampsOutsideTheToleranceInBothDirections() {
    Duration justOver = Duration.ofMinutes(5).plusSeconds(1);
    assertRejected(
        verifier.verify(signed.copy().at(NOW.plus(justOver)).build(), credentials),
        Reason.STALE_TIMESTAMP);
    assertRejected(
        verifier.verify(signed.copy().at(NOW.minus(justOver)).build(), credentials),
        Reason.STALE_TIMESTAMP);
    assertValid(
        verifier.verify(signed.copy().at(NOW.minus(Duration.ofMinutes(5))).build(), credentials));
  }

  @Test
  void rejectsMissingOrUnversionedSignatures() {
    assertRejected(
        verifier.verify(signed.copy().withoutHeader("webhook-signature").build(), credentials),
        Reason.MISSING_SIGNATURE);
    assertRejected(
        verifier.verify(
            signed.copy().header("webhook-signature", SIGNATURE_A).build(), credentials),
        Reason.MISSING_SIGNATURE);
    assertRejected(
        verifier.verify(signed.copy().header("webhook-timestamp", "soon").build(), credentials),
        Reason.MALFORMED);
  }

  @Test
  void rejectsAnotherSecret() {
    assertRejected(
        verifier.verify(signed.build(), WebhookCredentials.of(SECRET_B)), Reason.BAD_SIGNATURE);
  }

  @Test
  void rotationKeepsTheOldSecretOnlyUntilItExpires() {
    assertValid(
        verifier.verify(
            signed.build(),
            WebhookCredentials.builder()
                .secret(SECRET_B)
                .secret(SECRET_A, NOW.plusSeconds(1))
                .build()));
    assertRejected(
        verifier.verify(
            signed.build(),
            WebhookCredentials.builder().secret(SECRET_B).secret(SECRET_A, NOW).build()),
        Reason.BAD_SIGNATURE);
  }
}
