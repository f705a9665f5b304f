package io.ledgerline.connector.connection;

import static io.ledgerline.connector.connection.ConnectionPlatform.CLOVER;
import static io.ledgerline.connector.connection.ConnectionPlatform.HUBSPOT;
import static io.ledgerline.connector.connection.ConnectionPlatform.LIGHTSPEED;
import static io.ledgerline.connector.connection.ConnectionPlatform.PIPEDRIVE;
import static io.ledgerline.connector.connection.ConnectionPlatform.SALESFORCE;
import static io.ledgerline.connector.connection.ConnectionPlatform.SHOPIFY;
import static io.ledgerline.connector.connection.ConnectionPlatform.SQUARE;
import static io.ledgerline.connector.connection.ConnectionPlatform.STANDARD_WEBHOOKS;
import static io.ledgerline.connector.connection.ConnectionPlatform.ZOHO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.connector.connection.PlatformRules.NewConnection;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class PlatformRulesTest {

  private static final String OUR_URL = "https://hooks.ledgerline.test/webhooks/x/1";

  private final PlatformRules rules = new PlatformRules(new SecureRandom());

  private NewConnection create(
      ConnectionPlatform platform, Map<String, String> settings, String secret) {
    return rules.forNew(platform, settings, secret, OUR_URL);
  }

  private AbstractThrowableAssert<?, ?> rejected(
      ConnectionPlatform platform, Map<String, String> settings, String secret, String field) {
    return assertThatThrownBy(() -> create(platform, settings, secret))
        .isInstanceOf(InvalidConnectionInput.class)
        .satisfies(e -> assertThat(((InvalidConnectionInput) e).field()).isEqualTo(field));
  }

  @Test
  void defaultsTheNotificationUrlToOurWebhookUrlAndKeepsTheOneGiven() {
    assertThat(create(HUBSPOT, Map.of(), "hubspot-client-secret-1").settings())
        .containsEntry("notificationUrl", OUR_URL);
    assertThat(
            create(
                    SQUARE,
                    Map.of("notificationUrl", "https://proxy.example.com/square"),
                    "square-signature-key-1")
                .settings())
        .containsEntry("notificationUrl", "https://proxy.example.com/square");
    rejected(
        SQUARE,
        Map.of("notificationUrl", "not a url"),
        "square-signature-key-1",
        "settings.notificationUrl");
    rejected(
        SQUARE,
        Map.of("notificationUrl", "ftp://x.example.com/"),
        "square-signature-key-1",
        "settings.notificationUrl");
  }

  @Test
  void refusesSettingsThePlatformDoesNotHave() {
    rejected(
        HUBSPOT,
        Map.of("shopDomain", "acme.myshopify.com"),
        "hubspot-client-secret-1",
        "settings.shopDomain");
    rejected(
        SHOPIFY,
        Map.of("shopDomain", "acme.myshopify.com", "allowedSourceIps", "10.0.0.1"),
        null,
        "settings.allowedSourceIps");
  }

  @Test
  void requiresAShopifyShopDomainAndGeneratesTheSigningSecret() {
    rejected(SHOPIFY, Map.of(), null, "settings.shopDomain");
    rejected(SHOPIFY, Map.of("shopDomain", "evil.example.com"), null, "settings.shopDomain");
    assertThat(create(SHOPIFY, Map.of("shopDomain", "acme.myshopify.com"), null).secret())
        .matches("[0-9a-f]{64}");
    rejected(SHOPIFY, Map.of("shopDomain", "acme.myshopify.com"), "short", "secret");
  }

  @Test
  void requiresTheSecretsHubSpotAndSquareIssue() {
    rejected(HUBSPOT, Map.of(), null, "secret");
    rejected(SQUARE, Map.of(), null, "secret");
    assertThat(create(SQUARE, Map.of(), "square-signature-key-1").secret())
        .isEqualTo("square-signature-key-1");
  }

  @Test
  void identifiesSalesforceByOrganizationIdWithoutASecret() {
    rejected(SALESFORCE, Map.of(), null, "settings.organizationId");
    rejected(SALESFORCE, Map.of("organizationId", "00D12345"), null, "settings.organizationId");
    rejected(
        SALESFORCE, Map.of("organizationId", "00D000000000062"), "some-secret-value", "secret");
    rejected(
        SALESFORCE,
        Map.of("organizationId", "00D000000000062", "allowedSourceIps", "10.0.0.1, nonsense"),
        null,
        "settings.allowedSourceIps");
    rejected(
        SALESFORCE,
        Map.of("organizationId", "00D000000000062", "allowedSourceIps", "10.0.0.256"),
        null,
        "settings.allowedSourceIps");

    NewConnection fifteen = create(SALESFORCE, Map.of("organizationId", "00D000000000062"), null);
    NewConnection eighteen =
        create(
            SALESFORCE,
            Map.of(
                "organizationId",
                "00D000000000062EAA",
                "allowedSourceIps",
                " 13.108.0.0/14 ,2001:db8::/32,198.51.100.7"),
            null);

    assertThat(fifteen.secret()).isNull();
    assertThat(eighteen.settings())
        .containsEntry("allowedSourceIps", "13.108.0.0/14,2001:db8::/32,198.51.100.7");
  }

  @Test
  void generatesPipedriveCredentialsOrTakesTheChosenOnes() {
    NewConnection generated = create(PIPEDRIVE, Map.of(), null);
    assertThat(generated.settings().get("username")).startsWith("ledgerline-");
    assertThat(generated.secret()).hasSizeGreaterThanOrEqualTo(32);

    NewConnection chosen = create(PIPEDRIVE, Map.of("username", "acme"), "a-long-password-1");
    assertThat(chosen.settings()).containsEntry("username", "acme");
    assertThat(chosen.secret()).isEqualTo("a-long-password-1");

    rejected(PIPEDRIVE, Map.of("username", "has:colon"), null, "settings.username");
  }

  @Test
  void generatesZohoChannelIdAndToken() {
    NewConnection generated = create(ZOHO, Map.of(), null);
    assertThat(generated.settings().get("channelId")).matches("[1-9][0-9]{15}");
    assertThat(generated.secret()).matches("[0-9a-f]{32}");
    rejected(ZOHO, Map.of("channelId", "abc"), null, "settings.channelId");
    rejected(ZOHO, Map.of(), "x".repeat(51), "secret");
  }

  @Test
  void alwaysGeneratesTheLightspeedUrlToken() {
    assertThat(create(LIGHTSPEED, Map.of("currency", "EUR"), null).secret())
        .matches("[A-Za-z0-9_-]{43}");
    rejected(LIGHTSPEED, Map.of("currency", "EUR"), "my-own-guessable-token", "secret");
  }

  @Test
  void needsTheLightspeedStoresCurrencyBecauseItsSalesNameNone() {
    assertThat(create(LIGHTSPEED, Map.of("currency", "nzd"), null).settings())
        .containsEntry("currency", "NZD");
    rejected(LIGHTSPEED, Map.of(), null, "settings.currency");
    rejected(LIGHTSPEED, Map.of("currency", "EURO"), null, "settings.currency");
    rejected(LIGHTSPEED, Map.of("currency", "XYZ"), null, "settings.currency");
  }

  @Test
  void letsCloverWaitForItsAuthCode() {
    assertThat(create(CLOVER, Map.of(), null).secret()).isNull();
    assertThat(rules.cloverAuthCode(CLOVER, "clover-auth-code-1")).isEqualTo("clover-auth-code-1");
    assertThatThrownBy(() -> rules.cloverAuthCode(SHOPIFY, "some-secret-value-123"))
        .isInstanceOf(InvalidConnectionInput.class);
    assertThatThrownBy(() -> rules.secretForRotation(CLOVER, null))
        .isInstanceOf(InvalidConnectionInput.class);
  }

  @Test
  void generatesAndChecksStandardWebhooksSecrets() {
    String generated = create(STANDARD_WEBHOOKS, Map.of(), null).secret();
    assertThat(generated).startsWith("whsec_");
    assertThat(Base64.getDecoder().decode(generated.substring(6))).hasSizeGreaterThanOrEqualTo(24);

    String given = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    assertThat(create(STANDARD_WEBHOOKS, Map.of(), given).secret()).isEqualTo(given);
    rejected(STANDARD_WEBHOOKS, Map.of(), "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "secret");
    rejected(STANDARD_WEBHOOKS, Map.of(), "whsec_not*base64*at*all!!", "secret");
    rejected(STANDARD_WEBHOOKS, Map.of(), "whsec_c2hvcnQ=", "secret");
  }

  @Test
  void refusesToRotateASalesforceSecretOrGuessIssuedOnes() {
    assertThatThrownBy(() -> rules.secretForRotation(SALESFORCE, null))
        .isInstanceOf(InvalidConnectionInput.class);
    assertThatThrownBy(() -> rules.secretForRotation(HUBSPOT, null))
        .isInstanceOf(InvalidConnectionInput.class);
    assertThat(rules.secretForRotation(SHOPIFY, null)).matches("[0-9a-f]{64}");
  }

  @Test
  void changesOnlyTheNotificationUrlAndTheIpAllowList() {
    Map<String, String> current =
        Map.of("organizationId", "00D000000000062", "notificationUrl", OUR_URL);

    assertThat(
            rules.changed(SALESFORCE, current, Map.of("allowedSourceIps", "10.0.0.0/8"), OUR_URL))
        .containsEntry("allowedSourceIps", "10.0.0.0/8")
        .containsEntry("organizationId", "00D000000000062");
    assertThatThrownBy(
            () ->
                rules.changed(
                    SALESFORCE, current, Map.of("organizationId", "00D000000000063"), OUR_URL))
        .isInstanceOf(InvalidConnectionInput.class);
    assertThat(rules.changed(SALESFORCE, current, Map.of("notificationUrl", ""), OUR_URL))
        .containsEntry("notificationUrl", OUR_URL);
  }

  @Test
  void boundsTheRotationOverlap() {
    assertThat(SecretRotation.overlap(null)).isEqualTo(Duration.ofHours(24));
    assertThat(SecretRotation.overlap("PT1H")).isEqualTo(Duration.ofHours(1));
    assertThat(SecretRotation.overlap("P7D")).isEqualTo(Duration.ofDays(7));
    assertThatThrownBy(() -> SecretRotation.overlap("P8D"))
        .isInstanceOf(InvalidConnectionInput.class);
    assertThatThrownBy(() -> SecretRotation.overlap("-PT1H"))
        .isInstanceOf(InvalidConnectionInput.class);
    assertThatThrownBy(() -> SecretRotation.overlap("tomorrow"))
        .isInstanceOf(InvalidConnectionInput.class);
  }
}
