package io.ledgerline.ingest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param connectorUrl connector-service's base URL (internal API)
 * @param tokenUrl apikey-service's {@code /oauth2/token}
 * @param clientId this service's OAuth2 client id (scope {@code internal})
 * @param clientSecret its secret, from {@code LEDGERLINE_INGEST_CLIENT_SECRET}; never logged
 * @param credentialsCacheTtl how long a connection's credentials are reused: a disabled connection
 *     or a rotated secret takes effect within this long
 * @param tokenCacheTtl how long a service token is reused; less than its own life (5 minutes)
 * @param maxBodySize the largest webhook body accepted (413 above it)
 * @param publicBaseUrl where platforms reach us (the gateway's public URL): the webhook URL a
 *     signature covers when a connection has no stored {@code notificationUrl}
 * @param timestampTolerance how far a signed timestamp may be from the receipt time (HubSpot v3,
 *     Standard Webhooks)
 * @param unknownConnectionCacheTtl how long a connection id connector-service does not know is
 *     answered 404 without asking again (a flood of random ids costs neither a call nor a row); a
 *     connection created meanwhile gets its webhooks after at most this long
 * @param unknownConnectionCacheSize how many unknown ids are remembered at most
 * @param rejectionRetention how long refused deliveries are kept in {@code webhook_rejections}
 *     (whole days) when the tenant has set no retention of its own
 * @param rejectionCleanupInterval how often older ones are deleted
 * @param webhookRetention how long stored webhooks are kept (whole days) when the tenant has set no
 *     retention of its own
 * @param webhookCleanupInterval how often older webhooks are deleted
 * @param maxVerificationBodySize the largest URL-verification POST accepted (Clover's is a few
 *     dozen bytes)
 */
@Validated
@ConfigurationProperties("ledgerline.ingest")
public record IngestSettings(
    @DefaultValue("http://localhost:8082") @NotBlank String connectorUrl,
    @DefaultValue("http://localhost:8081/oauth2/token") @NotBlank String tokenUrl,
    @DefaultValue("webhook-ingest") @NotBlank String clientId,
    @NotBlank String clientSecret,
    @DefaultValue("45s") @NotNull Duration credentialsCacheTtl,
    @DefaultValue("2m") @NotNull Duration tokenCacheTtl,
    @DefaultValue("1MB") @NotNull DataSize maxBodySize,
    @DefaultValue("http://localhost:8080") @NotBlank String publicBaseUrl,
    @DefaultValue("5m") @NotNull Duration timestampTolerance,
    @DefaultValue("30s") @NotNull Duration unknownConnectionCacheTtl,
    @DefaultValue("100000") long unknownConnectionCacheSize,
    @DefaultValue("90d") @NotNull Duration rejectionRetention,
    @DefaultValue("1h") @NotNull Duration rejectionCleanupInterval,
    @DefaultValue("1KB") @NotNull DataSize maxVerificationBodySize,
    @DefaultValue("30d") @NotNull Duration webhookRetention,
    @DefaultValue("1h") @NotNull Duration webhookCleanupInterval) {

  @Override
  public String toString() {
    return "IngestSettings[connectorUrl="
        + connectorUrl
        + ", tokenUrl="
        + tokenUrl
        + ", clientId="
        + clientId
        + ", clientSecret=***]";
  }
}
