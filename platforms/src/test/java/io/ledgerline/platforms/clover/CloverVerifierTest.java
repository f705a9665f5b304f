package io.ledgerline.platforms.clover;

import static io.ledgerline.platforms.webhook.Fixtures.NOW;
import static io.ledgerline.platforms.webhook.Fixtures.fixture;
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
import org.junit.jupiter.api.Test;

class CloverVerifierTest {

  private final WebhookVerifier verifier =
      Platforms.installed().get("clover").verifier(VerificationSettings.defaults());

  private final WebhookCredentials credentials = WebhookCredentials.of("clover-auth-code-1");

  private final Fixtures.RequestBuilder event =
      request("clover")
          .header("X-Clover-Auth", "clover-auth-code-1")
          .body(fixture("clover-order-created.json"));

  @Test
  void acceptsAnEventCarryingTheAuthCode() {
    assertValid(verifier.verify(event.build(), credentials), null);
  }

  @Test
  void reportsTheVerificationPostDistinctlyEvenBeforeAnAuthCodeIsKnown() {
    // The body Clover documents for its URL verification POST.
    Verdict verdict =
        verifier.verify(
            request("clover")
                .body("{\"verificationCode\":\"ce7643c1-83ea-4218-abe6-da876c9c7a0a\"}")
                .build(),
            WebhookCredentials.builder().build());

    assertThat(verdict).isEqualTo(new Verdict.Verification("ce7643c1-83ea-4218-abe6-da876c9c7a0a"));
    assertThat(verdict.isValid()).isFalse();
  }

  @Test
  void rejectsAnEventWithoutOrWithAnotherAuthCode() {
    assertRejected(
        verifier.verify(event.copy().withoutHeader("X-Clover-Auth").build(), credentials),
        Reason.MISSING_SIGNATURE);
    assertRejected(
        verifier.verify(
            event.copy().header("X-Clover-Auth", "clover-auth-code-2").build(), credentials),
        Reason.BAD_CREDENTIAL);
  }

  @Test
  void aVerificationLookalikeWithMoreFieldsIsNotAVerification() {
    assertRejected(
        verifier.verify(
            request("clover").body("{\"verificationCode\":\"x\",\"merchants\":{}}").build(),
            credentials),
        Reason.MISSING_SIGNATURE);
  }

  @Test
  void rotationKeepsTheOldAuthCodeOnlyUntilItExpires() {
    assertValid(
        verifier.verify(
            event.build(),
            WebhookCredentials.builder()
                .secret("clover-auth-code-2")
                .secret("clover-auth-code-1", NOW.plusSeconds(60))
                .build()));
    assertRejected(
        verifier.verify(
            event.build(),
            WebhookCredentials.builder()
                .secret("clover-auth-code-2")
                .secret("clover-auth-code-1", NOW.minusSeconds(60))
                .build()),
        Reason.BAD_CREDENTIAL);
  }
}
