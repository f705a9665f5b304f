package io.ledgerline.platforms.pipedrive;

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

class PipedriveVerifierTest {

  private final WebhookVerifier verifier =
      Platforms.installed().get("pipedrive").verifier(VerificationSettings.defaults());

  // printf %s 'ledgerline:pd-password-A' | base64
  private static final String BASIC_A = "Basic bGVkZ2VybGluZTpwZC1wYXNzd29yZC1B";

  private final WebhookCredentials credentials =
      WebhookCredentials.builder().username("ledgerline").secret("pd-password-A").build();

  private final Fixtures.RequestBuilder signed =
      request("pipedrive")
          .header("Authorization", BASIC_A)
          .body(fixture("pipedrive-deal-won.json"));

  @Test
  void acceptsTheRegisteredBasicCredentialsWithMetaIdAsDedupKey() {
    assertValid(
        verifier.verify(signed.build(), credentials), "7f0c1a52-3b9e-4d1a-9a47-2f6f0e8c1d11");
  }

  @Test
  void rejectsAWrongPasswordOrUser() {
    // printf %s 'ledgerline:pd-password-B' | base64 ; printf %s 'someone:pd-password-A' | base64
    assertRejected(
        verifier.verify(
            signed.copy().header("Authorization", "Basic bGVkZ2VybGluZTpwZC1wYXNzd29yZC1C").build(),
            credentials),
        Reason.BAD_CREDENTIAL);
    assertRejected(
        verifier.verify(
            signed.copy().header("Authorization", "Basic c29tZW9uZTpwZC1wYXNzd29yZC1B").build(),
            credentials),
        Reason.BAD_CREDENTIAL);
  }

  @Test
  void rejectsMissingNonBasicOrUndecodableAuthorization() {
    assertRejected(
        verifier.verify(signed.copy().withoutHeader("Authorization").build(), credentials),
        Reason.MISSING_SIGNATURE);
    assertRejected(
        verifier.verify(signed.copy().header("Authorization", "Bearer abc").build(), credentials),
        Reason.BAD_CREDENTIAL);
    assertRejected(
        verifier.verify(signed.copy().header("Authorization", "Basic %%%").build(), credentials),
        Reason.MALFORMED);
  }

  @Test
  void theBodyIsNotAuthenticatedSoAChangedBodyStillPassesWithoutADedupKeyIfUnreadable() {
    // Basic auth covers the sender, not the bytes: this documents the scheme's limit.
    assertValid(verifier.verify(signed.copy().body("not json").build(), credentials), null);
  }

  @Test
  void rotationKeepsTheOldPasswordOnlyUntilItExpires() {
    WebhookCredentials.Builder rotating =
        WebhookCredentials.builder().username("ledgerline").secret("pd-password-B");
    assertValid(
        verifier.verify(
            signed.build(), rotating.secret("pd-password-A", NOW.plusSeconds(60)).build()));
    assertRejected(
        verifier.verify(
            signed.build(),
            WebhookCredentials.builder()
                .username("ledgerline")
                .secret("pd-password-B")
                .secret("pd-password-A", NOW.minusSeconds(60))
                .build()),
        Reason.BAD_CREDENTIAL);
  }
}
