package io.ledgerline.apikey.key;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param pepper the HMAC key for stored key secrets ({@code LEDGERLINE_APIKEY_PEPPER}); changing it
 *     invalidates every key
 */
@Validated
@ConfigurationProperties("ledgerline.apikey")
record ApiKeySettings(
    @NotBlank
        @Size(
            min = SecretHasher.MIN_PEPPER_LENGTH,
            message = "ledgerline.apikey.pepper needs at least 32 characters")
        String pepper) {

  @Override
  public String toString() {
    return "ApiKeySettings[pepper=***]";
  }
}
