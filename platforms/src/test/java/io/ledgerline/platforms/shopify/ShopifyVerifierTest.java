package io.ledgerline.platforms.shopify;

import static io.ledgerline.platforms.webhook.Fixtures.NOW;
import static io.ledgerline.platforms.webhook.Fixtures.fixture;
import static io.ledgerline.platforms.webhook.Fixtures.flipOneByte;
import static io.ledgerline.platforms.webhook.Fixtures.request;
import static io.ledgerline.platforms.webhook.VerdictAssertions.assertRejected;
import static io.ledgerline.platforms.webhook.VerdictAssertions.assertValid;

import io.ledgerline.platforms.Platforms;
import io.ledgerline.platforms.webhook.Fixtures;
import io.ledgerline.platforms.webhook.Reason;
import io.ledgerline.platforms.webhook.Verdict;
import io.ledgerline.platforms.webhook.VerificationSettings;
import io.ledgerline.platforms.webhook.WebhookCredentials;
import io.ledgerline.platforms.webhook.WebhookVerifier;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ShopifyVerifierTest {

  private final WebhookVerifier verifier =
      Platforms.installed().get("shopify").verifier(VerificationSettings.defaults());

  // Published by Shopify (shopify-api-js webhooks validate test): secret test_secret_key, body
  // {"foo": "bar"}; re-checked with
  // printf '{"foo": "bar"}' | openssl dgst -sha256 -hmac test_secret_key -binary | base64
  private static final String PUBLISHED_HMAC = "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=";

  // openssl dgst -sha256 -hmac shpss_secret_A -binary < fixtures/shopify-order-create.json | base64
  private static final String HMAC_A = "RvIVDM9tt5CKKOMOH0M41b+ci7vMMYTTi0xowBu4zQ0=";

  private final Fixtures.RequestBuilder signed =
      request("shopify")
          .url("https://hooks.ledgerline.test/webhooks/shopify/conn-6")
          .header("X-Shopify-Hmac-Sha256", HMAC_A)
          .header("X-Shopify-Topic", "orders/create")
          .header("X-Shopify-Webhook-Id", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043")
          .body(fixture("shopify-order-create.json"));

  @Test
  void verifiesShopifysPublishedExample() {
    Verdict verdict =
        verifier.verify(
            request("shopify")
                .header("x-shopify-hmac-sha256", PUBLISHED_HMAC)
                .header("X-Shopify-Webhook-Id", "123456789")
                .body("{\"foo\": \"bar\"}")
                .build(),
            WebhookCredentials.of("test_secret_key"));

    assertValid(verdict, "123456789");
  }

  @Test
  void acceptsASignedOrderAndReportsTheWebhookIdAsDedupKey() {
    assertValid(
        verifier.verify(signed.build(), WebhookCredentials.of("shpss_secret_A")),
        "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043");
  }

  @Test
  void rejectsABodyWithOneByteChanged() {
    assertRejected(
        verifier.verify(
            signed.copy().body(flipOneByte(fixture("shopify-order-create.json"))).build(),
            WebhookCredentials.of("shpss_secret_A")),
        Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsATamperedSignatureHeader() {
    assertRejected(
        verifier.verify(
            signed.copy().header("X-Shopify-Hmac-Sha256", "Rv" + HMAC_A.substring(2, 10)).build(),
            WebhookCredentials.of("shpss_secret_A")),
        Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsARequestWithoutSignature() {
    assertRejected(
        verifier.verify(
            signed.copy().withoutHeader("X-Shopify-Hmac-Sha256").build(),
            WebhookCredentials.of("shpss_secret_A")),
        Reason.MISSING_SIGNATURE);
  }

  @Test
  void rejectsASignatureMadeWithAnotherSecret() {
    assertRejected(
        verifier.verify(signed.build(), WebhookCredentials.of("shpss_secret_B")),
        Reason.BAD_SIGNATURE);
  }

  @Test
  void acceptsTheOldSecretDuringTheRotationOverlap() {
    WebhookCredentials rotating =
        WebhookCredentials.builder()
            .secret("shpss_secret_B")
            .secret("shpss_secret_A", NOW.plus(Duration.ofHours(1)))
            .build();

    assertValid(verifier.verify(signed.build(), rotating));
  }

  @Test
  void rejectsTheOldSecretAfterItExpired() {
    WebhookCredentials rotated =
        WebhookCredentials.builder()
            .secret("shpss_secret_B")
            .secret("shpss_secret_A", NOW.minusSeconds(1))
            .build();

    assertRejected(verifier.verify(signed.build(), rotated), Reason.BAD_SIGNATURE);
  }

  @Test
  void saysNotConfiguredWhenTheConnectionHasNoSecret() {
    assertRejected(
        verifier.verify(signed.build(), WebhookCredentials.builder().build()),
        Reason.NOT_CONFIGURED);
  }
}
