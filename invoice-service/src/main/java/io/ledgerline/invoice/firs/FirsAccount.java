package io.ledgerline.invoice.firs;

import java.util.UUID;

/**
 * A tenant's FIRS settings: whether e-invoices go to FIRS, which environment and base URL (no A
 * source names a production URL: it is the tenant's configuration), the business and service ids
 * (the service id is the middle of every IRN), and the credentials: API key and secret, and the
 * {@code crypto_keys} file as uploaded.
 */
public record FirsAccount(
    boolean enabled,
    Environment environment,
    String baseUrl,
    UUID businessId,
    String serviceId,
    Credentials credentials) {

  public enum Environment {
    SANDBOX,
    PRODUCTION
  }

  /** The secrets; never logged, never returned by the API. */
  public record Credentials(String apiKey, String apiSecret, String cryptoKeys) {

    public CryptoKeys keys() {
      return CryptoKeys.parse(cryptoKeys);
    }

    @Override
    public String toString() {
      return "Credentials[redacted]";
    }
  }
}
