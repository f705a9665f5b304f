package io.ledgerline.platforms.connection;

import static io.ledgerline.platforms.connection.RulesAssertions.HUBSPOT;
import static io.ledgerline.platforms.connection.RulesAssertions.OUR_URL;
import static io.ledgerline.platforms.connection.RulesAssertions.RULES;
import static io.ledgerline.platforms.connection.RulesAssertions.SALESFORCE;
import static io.ledgerline.platforms.connection.RulesAssertions.SHOPIFY;
import static io.ledgerline.platforms.connection.RulesAssertions.SQUARE;
import static io.ledgerline.platforms.connection.RulesAssertions.create;
import static io.ledgerline.platforms.connection.RulesAssertions.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsRulesTest {

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
  void generatesASalesforceUrlTokenOnRotationButNeverGuessesIssuedOnes() {
    assertThat(RULES.secretForRotation(SALESFORCE, null)).matches("[A-Za-z0-9_-]{43}");
    assertThatThrownBy(() -> RULES.secretForRotation(SALESFORCE, "chosen-by-the-tenant"))
        .isInstanceOf(InvalidSetting.class);
    assertThatThrownBy(() -> RULES.secretForRotation(HUBSPOT, null))
        .isInstanceOf(InvalidSetting.class);
    assertThat(RULES.secretForRotation(SHOPIFY, null)).matches("[0-9a-f]{64}");
  }
}
