package io.ledgerline.apikey.token;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the platform's JWTs are signed.
 *
 * @param issuer the {@code iss} claim
 * @param ttl how long a token lives; short, so a revoked key or client stops working quickly
 * @param signingKey an RSA private key, PKCS#8 PEM; every replica must share it. When absent (local
 *     development) a key is generated at start-up and tokens do not survive a restart.
 * @param keyId the {@code kid}; defaults to the key's RFC 7638 thumbprint
 */
@Validated
@ConfigurationProperties("ledgerline.jwt")
record JwtSettings(
    @DefaultValue("ledgerline") @NotBlank String issuer,
    @DefaultValue("5m") @NotNull Duration ttl,
    @Nullable String signingKey,
    @Nullable String keyId) {

  @Override
  public String toString() {
    return "JwtSettings[issuer=" + issuer + ", ttl=" + ttl + ", keyId=" + keyId + "]";
  }
}
