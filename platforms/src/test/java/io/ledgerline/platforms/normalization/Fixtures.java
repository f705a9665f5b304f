package io.ledgerline.platforms.normalization;

import io.ledgerline.events.Money;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Fixtures (our own, built from the platforms' documented shapes) and contexts for the tests. */
public final class Fixtures {

  public static final String TENANT = "tenant-a";
  public static final UUID CONNECTION = UUID.fromString("5b0c1c8e-9a1e-4d0b-a3b4-1f2e3d4c5b6a");
  public static final UUID WEBHOOK = UUID.fromString("0f9e8d7c-6b5a-4938-8271-605f4e3d2c1b");
  public static final Instant RECEIVED = Instant.parse("2026-11-23T12:00:00Z");

  private Fixtures() {}

  /**
   * A fixture body, kept beside the tests of the platform it belongs to: {@code
   * io/ledgerline/platforms/<platform package>/<name>}, the package named by the name's prefix.
   */
  public static byte[] fixture(String name) {
    String platform =
        name.startsWith("standard-webhooks") ? "standardwebhooks" : name.split("-")[0];
    String path = "/io/ledgerline/platforms/" + platform + "/" + name;
    try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(String name) {
    return new String(fixture(name), StandardCharsets.UTF_8);
  }

  public static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  public static WebhookContext context(String platform) {
    return context(platform, null);
  }

  public static WebhookContext context(String platform, String topic) {
    return new WebhookContext(TENANT, CONNECTION, platform, topic, WEBHOOK, RECEIVED, false);
  }

  public static Normalized normalize(WebhookContext context, byte[] body) {
    return Normalizers.forPlatform(context.platform()).normalize(context, body);
  }

  public static Money money(String amount, String currency) {
    return new Money(new BigDecimal(amount), currency);
  }

  public static BigDecimal quantity(String quantity) {
    return new BigDecimal(quantity);
  }

  /** The id of the i-th event of {@link #WEBHOOK}, computed here independently. */
  public static String eventId(int index) {
    return UUID.nameUUIDFromBytes(bytes(WEBHOOK + ":" + index)).toString();
  }
}
