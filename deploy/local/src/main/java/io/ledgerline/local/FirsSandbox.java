package io.ledgerline.local;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * The demo taxpayer that the sandbox's FIRS stub ({@code sandbox/mappings/firs}) knows: a business
 * id, a service id, an API key and secret, and a {@code crypto_keys} file in the shape the MBS
 * dashboard gives ({@code {"public_key": "<base64 of a PEM public key>", "certificate":
 * "<base64>"}}), its RSA-2048 key pair made here. Made at the first start and kept in the run
 * directory (owner-only), never committed: {@code firs-sandbox.properties}, {@code
 * firs-sandbox/crypto_keys.json} (what the tenant uploads) and {@code firs-sandbox/private-key.pem}
 * (what FIRS alone holds: it opens the invoices' QR payloads, as the MBS 360 app does).
 */
record FirsSandbox(
    String businessId,
    String serviceId,
    String apiKey,
    String apiSecret,
    String cryptoKeys,
    Path privateKey) {

  private static final SecureRandom RANDOM = new SecureRandom();

  static FirsSandbox loadOrCreate(Path run) {
    Path file = run.resolve("firs-sandbox.properties");
    Path dir = run.resolve("firs-sandbox");
    Path keysFile = dir.resolve("crypto_keys.json");
    Path privateKey = dir.resolve("private-key.pem");
    try {
      Properties properties = new Properties();
      if (Files.exists(file) && Files.exists(keysFile) && Files.exists(privateKey)) {
        try (Reader in = Files.newBufferedReader(file)) {
          properties.load(in);
        }
      } else {
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, RANDOM);
        KeyPair pair = generator.generateKeyPair();
        String publicPem = pem("PUBLIC KEY", pair.getPublic().getEncoded());
        byte[] certificate = new byte[45];
        RANDOM.nextBytes(certificate);
        RunFiles.ownerOnly(
            keysFile,
            JsonHttp.JSON.writeValueAsString(
                Map.of(
                    "public_key",
                    Base64.getEncoder()
                        .encodeToString(publicPem.getBytes(StandardCharsets.US_ASCII)),
                    "certificate",
                    Base64.getEncoder().encodeToString(certificate))));
        RunFiles.ownerOnly(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        byte[] service = new byte[4];
        RANDOM.nextBytes(service);
        properties.setProperty("business.id", UUID.randomUUID().toString());
        properties.setProperty(
            "service.id", HexFormat.of().formatHex(service).toUpperCase(Locale.ROOT));
        properties.setProperty("api.key", random());
        properties.setProperty("api.secret", random());
        StringWriter out = new StringWriter();
        properties.store(out, "The local FIRS sandbox's demo taxpayer. Never commit, never share.");
        RunFiles.ownerOnly(file, out.toString());
      }
      return new FirsSandbox(
          properties.getProperty("business.id"),
          properties.getProperty("service.id"),
          properties.getProperty("api.key"),
          properties.getProperty("api.secret"),
          Files.readString(keysFile),
          privateKey);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no RSA key pair generator", e);
    }
  }

  /** The body of {@code PUT /api/v1/settings/firs} that points a tenant at the stub. */
  Map<String, Object> settings(String baseUrl) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("enabled", true);
    settings.put("environment", "SANDBOX");
    settings.put("baseUrl", baseUrl);
    settings.put("businessId", businessId);
    settings.put("serviceId", serviceId);
    settings.put("apiKey", apiKey);
    settings.put("apiSecret", apiSecret);
    settings.put("cryptoKeys", cryptoKeys);
    return settings;
  }

  private static String random() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  @Override
  public String toString() {
    return "FirsSandbox[businessId=" + businessId + ", serviceId=" + serviceId + ", redacted]";
  }
}
