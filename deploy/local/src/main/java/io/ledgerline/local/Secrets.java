package io.ledgerline.local;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The local platform's own secrets (key-encryption key, API key pepper, service client secrets):
 * made at the first start and kept in the run directory, readable by the owner only, so that data
 * encrypted by an earlier run stays readable. In Kubernetes the same values come from secrets (see
 * the Helm chart); they are never committed or logged.
 */
record Secrets(
    String connectorKek,
    String apikeyPepper,
    String adminClientSecret,
    String ingestClientSecret,
    String apikeyKek,
    String gatewayClientSecret,
    String invoiceKek) {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

  static Secrets loadOrCreate(Path file) {
    try {
      Properties properties = new Properties();
      if (Files.exists(file)) {
        try (Reader in = Files.newBufferedReader(file)) {
          properties.load(in);
        }
      }
      boolean changed = false;
      // The KEK is standard base64 (connector-service's format); the others go into HTTP Basic
      // credentials, where
      // RFC 6749 form-encodes them first, so they are base64url to need no escaping.
      changed |= putIfAbsent(properties, "connector.kek", Base64.getEncoder());
      changed |= putIfAbsent(properties, "apikey.pepper", URL_SAFE);
      changed |= putIfAbsent(properties, "client.admin.secret", URL_SAFE);
      changed |= putIfAbsent(properties, "client.webhook-ingest.secret", URL_SAFE);
      // Added later: an older run directory gets them at its next start.
      changed |= putIfAbsent(properties, "apikey.kek", Base64.getEncoder());
      changed |= putIfAbsent(properties, "client.gateway.secret", URL_SAFE);
      changed |= putIfAbsent(properties, "invoice.kek", Base64.getEncoder());
      if (changed) {
        Files.createDirectories(file.getParent());
        StringWriter out = new StringWriter();
        properties.store(out, "Ledgerline local platform secrets. Never commit, never share.");
        RunFiles.ownerOnly(file, out.toString());
      }
      return new Secrets(
          properties.getProperty("connector.kek"),
          properties.getProperty("apikey.pepper"),
          properties.getProperty("client.admin.secret"),
          properties.getProperty("client.webhook-ingest.secret"),
          properties.getProperty("apikey.kek"),
          properties.getProperty("client.gateway.secret"),
          properties.getProperty("invoice.kek"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean putIfAbsent(Properties properties, String name, Base64.Encoder encoder) {
    if (properties.getProperty(name) != null) {
      return false;
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    properties.setProperty(name, encoder.encodeToString(bytes));
    return true;
  }

  @Override
  public String toString() {
    return "Secrets[redacted]";
  }
}
