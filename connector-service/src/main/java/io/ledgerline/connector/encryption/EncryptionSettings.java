package io.ledgerline.connector.encryption;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The key-encryption keys (KEKs) that wrap the per-secret data keys. Each key is 32 bytes, base64,
 * named by an id so that old ciphertexts stay readable after a new key becomes active. In
 * production they come from a Kubernetes secret; locally from {@code LEDGERLINE_CONNECTOR_KEK}.
 *
 * @param keys key id to base64 of 32 random bytes
 * @param activeKeyId the key new secrets are wrapped with
 */
@Validated
@ConfigurationProperties("ledgerline.connector.encryption")
public record EncryptionSettings(@NotEmpty Map<String, String> keys, @NotBlank String activeKeyId) {

  /** Never print the keys, whatever logs the settings. */
  @Override
  public String toString() {
    return "EncryptionSettings[keys=" + keys.keySet() + ", activeKeyId=" + activeKeyId + "]";
  }
}
