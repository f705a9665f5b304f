package io.ledgerline.invoice.firs;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The key-encryption keys that wrap the data keys of FIRS credentials, as connector-service's (ADR
 * 0015): 32 bytes, base64, by key id; locally from {@code LEDGERLINE_INVOICE_KEK}.
 */
@Validated
@ConfigurationProperties("ledgerline.encryption")
public record EncryptionSettings(@NotEmpty Map<String, String> keys, @NotBlank String activeKeyId) {

  /** Never print the keys, whatever logs the settings. */
  @Override
  public String toString() {
    return "EncryptionSettings[keys=" + keys.keySet() + ", activeKeyId=" + activeKeyId + "]";
  }
}
