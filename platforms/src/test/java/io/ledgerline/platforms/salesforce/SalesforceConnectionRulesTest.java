package io.ledgerline.platforms.salesforce;

import static io.ledgerline.platforms.connection.RulesAssertions.OUR_URL;
import static io.ledgerline.platforms.connection.RulesAssertions.RULES;
import static io.ledgerline.platforms.connection.RulesAssertions.SALESFORCE;
import static io.ledgerline.platforms.connection.RulesAssertions.create;
import static io.ledgerline.platforms.connection.RulesAssertions.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.platforms.connection.InvalidSetting;
import io.ledgerline.platforms.connection.SettingsRules.NewConnection;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SalesforceConnectionRulesTest {

  @Test
  void identifiesSalesforceByOrganizationIdWithAGeneratedUrlToken() {
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

    // the organization id is public: the secret is a URL token Ledgerline generates
    assertThat(fifteen.secret()).matches("[A-Za-z0-9_-]{43}");
    assertThat(eighteen.secret()).isNotEqualTo(fifteen.secret());
    assertThat(
            SALESFORCE
                .connectionRules()
                .webhookUrlWithSecret("https://hooks.test/webhooks/salesforce/c1", "t0k"))
        .isEqualTo("https://hooks.test/webhooks/salesforce/c1?token=t0k");
    assertThat(eighteen.settings())
        .containsEntry("allowedSourceIps", "13.108.0.0/14,2001:db8::/32,198.51.100.7");
  }

  @Test
  void changesOnlyTheNotificationUrlAndTheIpAllowList() {
    Map<String, String> current =
        Map.of("organizationId", "00D000000000062", "notificationUrl", OUR_URL);

    assertThat(
            RULES.changed(SALESFORCE, current, Map.of("allowedSourceIps", "10.0.0.0/8"), OUR_URL))
        .containsEntry("allowedSourceIps", "10.0.0.0/8")
        .containsEntry("organizationId", "00D000000000062");
    assertThatThrownBy(
            () ->
                RULES.changed(
                    SALESFORCE, current, Map.of("organizationId", "00D000000000063"), OUR_URL))
        .isInstanceOf(InvalidSetting.class);
    assertThat(RULES.changed(SALESFORCE, current, Map.of("notificationUrl", ""), OUR_URL))
        .containsEntry("notificationUrl", OUR_URL);
  }
}
