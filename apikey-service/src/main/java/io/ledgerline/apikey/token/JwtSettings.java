package io.ledgerline.apikey.token;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the platform's JWTs are signed.
 *
 * @param issuer the {@code iss} claim
 * @param ttl how long a token lives; short, so a revoked key or client stops working quickly even
 *     where no gateway stands in front
 * @param signing the persistent, rotating signing keys
 */
@Validated
@ConfigurationProperties("ledgerline.jwt")
public record JwtSettings(
    @DefaultValue("ledgerline") @NotBlank String issuer,
    @DefaultValue("5m") @NotNull Duration ttl,
    @Valid @NotNull Signing signing) {

  /**
   * @param rotationPeriod a new key is made when the newest is this old
   * @param publishAhead a new key is in the JWKS this long before it signs, so every replica and
   *     every resource server's JWKS cache knows it first (more than {@code refreshInterval})
   * @param refreshInterval how often a replica re-reads the keys (and rotates when due)
   * @param encryptionKeys key-encryption keys by id (base64 of 32 bytes) that wrap the private
   *     keys' data keys ({@code LEDGERLINE_APIKEY_KEK})
   * @param activeEncryptionKeyId the KEK new keys are wrapped with
   */
  public record Signing(
      @DefaultValue("30d") @NotNull Duration rotationPeriod,
      @DefaultValue("2m") @NotNull Duration publishAhead,
      @DefaultValue("30s") @NotNull Duration refreshInterval,
      @NotEmpty Map<String, String> encryptionKeys,
      @NotBlank String activeEncryptionKeyId) {

    @Override
    public String toString() {
      return "Signing[rotationPeriod="
          + rotationPeriod
          + ", encryptionKeys="
          + encryptionKeys.keySet()
          + ", activeEncryptionKeyId="
          + activeEncryptionKeyId
          + "]";
    }
  }
}
