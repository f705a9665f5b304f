package io.ledgerline.platforms.zoho;

import static io.ledgerline.platforms.webhook.Fixtures.NOW;
import static io.ledgerline.platforms.webhook.Fixtures.fixture;
import static io.ledgerline.platforms.webhook.Fixtures.request;
import static io.ledgerline.platforms.webhook.VerdictAssertions.assertRejected;
import static io.ledgerline.platforms.webhook.VerdictAssertions.assertValid;

import io.ledgerline.platforms.Platforms;
import io.ledgerline.platforms.webhook.Fixtures;
import io.ledgerline.platforms.webhook.Reason;
import io.ledgerline.platforms.webhook.VerificationSettings;
import io.ledgerline.platforms.webhook.WebhookCredentials;
import io.ledgerline.platforms.webhook.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ZohoVerifierTest {

  private final WebhookVerifier verifier =
      Platforms.installed().get("zoho").verifier(VerificationSettings.defaults());

  private final WebhookCredentials credentials =
      WebhookCredentials.builder().channelId("1000000068001").secret("zoho-token-1").build();

  private final Fixtures.RequestBuilder notification =
      request("zoho").body(fixture("zoho-deal-update.json"));

  private static String body() {
    return new String(fixture("zoho-deal-update.json"), StandardCharsets.UTF_8);
  }

  @Test
  void acceptsTheRegisteredChannelAndToken() {
    assertValid(verifier.verify(notification.build(), credentials), null);
  }

  @Test
  void acceptsAChannelIdSentAsANumber() {
    String numeric = body().replace("\"1000000068001\"", "1000000068001");
    assertValid(verifier.verify(notification.copy().body(numeric).build(), credentials));
  }

  @Test
  void rejectsAnotherTokenOrChannel() {
    assertRejected(
        verifier.verify(
            notification.copy().body(body().replace("zoho-token-1", "zoho-token-2")).build(),
            credentials),
        Reason.BAD_CREDENTIAL);
    assertRejected(
        verifier.verify(
            notification.copy().body(body().replace("1000000068001", "1000000068002")).build(),
            credentials),
        Reason.BAD_CREDENTIAL);
  }

  @Test
  void rejectsABodyWithoutToken() {
    assertRejected(
        verifier.verify(
            notification.copy().body(body().replace("\"token\"", "\"tokens\"")).build(),
            credentials),
        Reason.MISSING_SIGNATURE);
  }

  @Test
  void rejectsMalformedOrAmbiguousJson() {
    assertRejected(
        verifier.verify(notification.copy().body("{\"token\":").build(), credentials),
        Reason.MALFORMED);
    assertRejected(
        verifier.verify(notification.copy().body("[]").build(), credentials), Reason.MALFORMED);
    // A duplicated token could be read differently by another parser: never accept it.
    assertRejected(
        verifier.verify(
            notification
                .copy()
                .body(
                    "{\"channel_id\":\"1000000068001\",\"token\":\"x\",\"token\":\"zoho-token-1\"}")
                .build(),
            credentials),
        Reason.MALFORMED);
  }

  @Test
  void rotationKeepsTheOldTokenOnlyUntilItExpires() {
    assertValid(
        verifier.verify(
            notification.build(),
            WebhookCredentials.builder()
                .channelId("1000000068001")
                .secret("zoho-token-2")
                .secret("zoho-token-1", NOW.plusSeconds(60))
                .build()));
    assertRejected(
        verifier.verify(
            notification.build(),
            WebhookCredentials.builder()
                .channelId("1000000068001")
                .secret("zoho-token-2")
                .secret("zoho-token-1", NOW.minusSeconds(60))
                .build()),
        Reason.BAD_CREDENTIAL);
  }
}
