package io.ledgerline.ingest.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.platforms.Platform;
import io.ledgerline.platforms.Platforms;
import io.ledgerline.platforms.webhook.WebhookCredentials;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookCredentialsMappingTest {

  private static final Instant OVERLAP_END = Instant.parse("2026-11-24T00:00:00Z");

  private static final String PIPEDRIVE = "pipedrive";
  private static final String ZOHO = "zoho";
  private static final String SALESFORCE = "salesforce";

  private static ConnectionCredentials connection(
      Map<String, String> settings, List<ConnectionCredentials.Secret> secrets) {
    return new ConnectionCredentials(
        UUID.randomUUID(), "tenant-1", PIPEDRIVE, "ACTIVE", settings, secrets);
  }

  private static WebhookCredentials mapped(
      String platform, ConnectionCredentials connection, String notificationUrl) {
    Platform found = Platforms.installed().get(platform);
    return WebhookCredentialsMapping.toWebhookCredentials(found, connection, notificationUrl);
  }

  @Test
  void keepsTheCurrentAndThePreviousSecretWithItsExpiry() {
    WebhookCredentials credentials =
        mapped(
            PIPEDRIVE,
            connection(
                Map.of(),
                List.of(
                    new ConnectionCredentials.Secret("new", null),
                    new ConnectionCredentials.Secret("old", OVERLAP_END))),
            null);

    assertThat(credentials.secrets())
        .containsExactly(
            new WebhookCredentials.Secret("new", null),
            new WebhookCredentials.Secret("old", OVERLAP_END));
  }

  @Test
  void letsThePlatformSayWhichSettingsAreCredentials() {
    ConnectionCredentials connection =
        connection(
            Map.of(
                "username", "ledgerline",
                "channelId", "1000000068001",
                "allowedSourceIps", " 13.108.0.0/14, 96.43.144.0/20 ,"),
            List.of(new ConnectionCredentials.Secret("s", null)));
    String told = "https://hooks.example.com/told";

    assertThat(mapped(PIPEDRIVE, connection, told).username()).isEqualTo("ledgerline");
    assertThat(mapped(PIPEDRIVE, connection, told).channelId()).isNull();
    assertThat(mapped(ZOHO, connection, told).channelId()).isEqualTo("1000000068001");
    assertThat(mapped(SALESFORCE, connection, told).allowedSourceIps())
        .containsExactly("13.108.0.0/14", "96.43.144.0/20");
    assertThat(mapped(ZOHO, connection, told).notificationUrl()).isEqualTo(told);
  }

  /** Issue 12: the organization id is public: it is checked, it is no secret. */
  @Test
  void makesTheSalesforceOrganizationIdTheAccountToCheckNotASecret() {
    WebhookCredentials credentials =
        mapped(
            SALESFORCE,
            connection(Map.of("organizationId", "00D5e000000KQ2eEAG"), List.of()),
            null);

    assertThat(credentials.secrets()).isEmpty();
    assertThat(credentials.accountId()).isEqualTo("00D5e000000KQ2eEAG");
  }

  @Test
  void treatsNullSettingsAsAbsent() {
    java.util.HashMap<String, String> settings = new java.util.HashMap<>();
    settings.put("notificationUrl", null);

    assertThat(WebhookCredentialsMapping.notificationUrl(connection(settings, List.of()))).isNull();
  }
}
