package io.ledgerline.ingest.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.webhooks.verification.WebhookCredentials;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookCredentialsMappingTest {

  private static final Instant OVERLAP_END = Instant.parse("2026-11-24T00:00:00Z");

  private static ConnectionCredentials connection(
      Map<String, String> settings, List<ConnectionCredentials.Secret> secrets) {
    return new ConnectionCredentials(
        UUID.randomUUID(), "tenant-1", "pipedrive", "ACTIVE", settings, secrets);
  }

  @Test
  void keepsTheCurrentAndThePreviousSecretWithItsExpiry() {
    WebhookCredentials credentials =
        WebhookCredentialsMapping.toWebhookCredentials(
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
  void mapsTheSchemesSettingsByName() {
    WebhookCredentials credentials =
        WebhookCredentialsMapping.toWebhookCredentials(
            connection(
                Map.of(
                    "username", "ledgerline",
                    "channelId", "1000000068001",
                    "allowedSourceIps", " 13.108.0.0/14, 96.43.144.0/20 ,"),
                List.of(new ConnectionCredentials.Secret("s", null))),
            "https://hooks.example.com/told");

    assertThat(credentials.username()).isEqualTo("ledgerline");
    assertThat(credentials.channelId()).isEqualTo("1000000068001");
    assertThat(credentials.allowedSourceIps()).containsExactly("13.108.0.0/14", "96.43.144.0/20");
    assertThat(credentials.notificationUrl()).isEqualTo("https://hooks.example.com/told");
  }

  @Test
  void usesTheSalesforceOrganizationIdSettingWhenThereIsNoSecret() {
    WebhookCredentials credentials =
        WebhookCredentialsMapping.toWebhookCredentials(
            connection(Map.of("organizationId", "00D5e000000KQ2eEAG"), List.of()), null);

    assertThat(credentials.secrets())
        .containsExactly(new WebhookCredentials.Secret("00D5e000000KQ2eEAG", null));
  }

  @Test
  void treatsNullSettingsAsAbsent() {
    java.util.HashMap<String, String> settings = new java.util.HashMap<>();
    settings.put("notificationUrl", null);

    assertThat(WebhookCredentialsMapping.notificationUrl(connection(settings, List.of()))).isNull();
  }
}
