package io.ledgerline.gateway.usage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where and how often the gateway reports API key usage ({@code ledgerline.gateway.usage.*}).
 *
 * @param reportUri apikey-service's {@code /internal/api-keys/usage}
 * @param tokenUri apikey-service's {@code /oauth2/token}, for the gateway's own client
 * @param clientId the gateway's client (scope {@code internal})
 * @param clientSecret its secret ({@code LEDGERLINE_GATEWAY_CLIENT_SECRET})
 * @param flushInterval how often counts are sent: usage appears this late
 */
@Validated
@ConfigurationProperties("ledgerline.gateway.usage")
record UsageSettings(
    @NotNull URI reportUri,
    @NotNull URI tokenUri,
    @DefaultValue("gateway") @NotBlank String clientId,
    @NotBlank String clientSecret,
    @DefaultValue("5s") @NotNull Duration flushInterval) {

  @Override
  public String toString() {
    return "UsageSettings[reportUri=" + reportUri + ", clientId=" + clientId + "]";
  }
}
