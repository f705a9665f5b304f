package io.ledgerline.ingest.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.ingest.shopify.ShopifySignature.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShopifySignatureTest {

  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  // printf '{"id":1001,"currency":"USD"}' | openssl dgst -sha256 -hmac 'hush-this-is-a-test-secret'
  // -binary | base64
  private static final byte[] BODY =
      "{\"id\":1001,\"currency\":\"USD\"}".getBytes(StandardCharsets.UTF_8);
  private static final String SECRET = "hush-this-is-a-test-secret";
  private static final String OPENSSL_HMAC = "qKUbc4o0AzsFzYESeNZr67Y0Z0jUtWewSvQ2vxp8wa8=";

  private final ShopifySignature signature = new VerifiedShopifySignature();

  @Test
  void acceptsTheSignatureOpensslComputes() {
    assertThat(signature.isAuthentic(BODY, OPENSSL_HMAC, List.of(new Secret(SECRET, null)), NOW))
        .isTrue();
  }

  @Test
  void acceptsShopifysOwnLibraryTestVector() {
    // Shopify/shopify-api-js webhooks validate test: body {"foo": "bar"}, secret test_secret_key;
    // printf '{"foo": "bar"}' | openssl dgst -sha256 -hmac 'test_secret_key' -binary | base64
    byte[] body = "{\"foo\": \"bar\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(
            signature.isAuthentic(
                body,
                "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=",
                List.of(new Secret("test_secret_key", null)),
                NOW))
        .isTrue();
  }

  @Test
  void rejectsASignatureMadeWithAnotherSecret() {
    assertThat(
            signature.isAuthentic(
                BODY, OPENSSL_HMAC, List.of(new Secret("another-secret", null)), NOW))
        .isFalse();
  }

  @Test
  void rejectsAnAlteredBody() {
    byte[] altered = "{\"id\":1001,\"currency\":\"EUR\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(signature.isAuthentic(altered, OPENSSL_HMAC, List.of(new Secret(SECRET, null)), NOW))
        .isFalse();
  }

  @Test
  void rejectsAMissingOrGarbledHeader() {
    List<Secret> secrets = List.of(new Secret(SECRET, null));

    assertThat(signature.isAuthentic(BODY, null, secrets, NOW)).isFalse();
    assertThat(signature.isAuthentic(BODY, "", secrets, NOW)).isFalse();
    assertThat(signature.isAuthentic(BODY, "not base64 at all!", secrets, NOW)).isFalse();
  }

  @Test
  void acceptsThePreviousSecretOnlyUntilItsOverlapEnds() {
    List<Secret> rotating =
        List.of(new Secret("the-new-secret", null), new Secret(SECRET, NOW.plusSeconds(60)));

    assertThat(signature.isAuthentic(BODY, OPENSSL_HMAC, rotating, NOW)).isTrue();
    assertThat(signature.isAuthentic(BODY, OPENSSL_HMAC, rotating, NOW.plusSeconds(61))).isFalse();
  }
}
