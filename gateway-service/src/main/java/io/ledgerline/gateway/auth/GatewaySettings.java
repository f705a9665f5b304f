package io.ledgerline.gateway.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway authenticates callers.
 *
 * @param jwkSetUri apikey-service's {@code /oauth2/jwks}
 * @param issuer the {@code iss} every accepted token must carry
 * @param apiKeyExchangeUri apikey-service's {@code /internal/api-keys/exchange}
 * @param tokenCacheTtl how long an exchanged token is reused at most; revocations evict it at once
 *     (CredentialChanged events), this only bounds a missed event
 * @param revokedTokenMemory how long a revoked client's or key's tokens are refused: longer than a
 *     token lives, after that none can exist
 */
@Validated
@ConfigurationProperties("ledgerline.gateway")
record GatewaySettings(
    @DefaultValue("http://localhost:8081/oauth2/jwks") @NotNull URI jwkSetUri,
    @DefaultValue("ledgerline") @NotBlank String issuer,
    @DefaultValue("http://localhost:8081/internal/api-keys/exchange") @NotNull
        URI apiKeyExchangeUri,
    @DefaultValue("30s") @NotNull Duration tokenCacheTtl,
    @DefaultValue("10m") @NotNull Duration revokedTokenMemory) {}
