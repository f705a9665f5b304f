package io.ledgerline.platforms.lightspeed;

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
import org.junit.jupiter.api.Test;

class LightspeedVerifierTest {

  private final WebhookVerifier verifier =
      Platforms.installed().get("lightspeed").verifier(VerificationSettings.defaults());

  private static final String URL =
      "https://hooks.ledgerline.test/webhooks/lightspeed/conn-7?token=ls-3f9c2a7e";

  private final WebhookCredentials credentials = WebhookCredentials.of("ls-3f9c2a7e");

  private final Fixtures.RequestBuilder sale =
      request("lightspeed")
          .url(URL)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .body(fixture("lightspeed-sale-update.form"));

  @Test
  void acceptsTheConnectionsUrlTokenAndAFormPayload() {
    assertValid(verifier.verify(sale.build(), credentials), null);
  }

  @Test
  void rejectsAnotherTokenOrNone() {
    assertRejected(
        verifier.verify(sale.copy().url(URL.replace("2a7e", "2a7f")).build(), credentials),
        Reason.BAD_CREDENTIAL);
    assertRejected(
        verifier.verify(
            sale.copy().url("https://hooks.ledgerline.test/webhooks/lightspeed/conn-7").build(),
            credentials),
        Reason.MISSING_SIGNATURE);
  }

  @Test
  void rejectsABodyWithoutAJsonPayload() {
    assertRejected(
        verifier.verify(sale.copy().body("type=sale.update").build(), credentials),
        Reason.MALFORMED);
    assertRejected(
        verifier.verify(sale.copy().body("payload=%7Bnot-json").build(), credentials),
        Reason.MALFORMED);
    assertRejected(
        verifier.verify(sale.copy().body("payload=%zz").build(), credentials), Reason.MALFORMED);
  }

  @Test
  void rotationKeepsTheOldTokenOnlyUntilItExpires() {
    assertValid(
        verifier.verify(
            sale.build(),
            WebhookCredentials.builder()
                .secret("ls-new-token")
                .secret("ls-3f9c2a7e", NOW.plusSeconds(60))
                .build()));
    assertRejected(
        verifier.verify(
            sale.build(),
            WebhookCredentials.builder()
                .secret("ls-new-token")
                .secret("ls-3f9c2a7e", NOW.minusSeconds(60))
                .build()),
        Reason.BAD_CREDENTIAL);
  }
}
