package io.ledgerline.ingest.normalization;

import io.ledgerline.events.Money;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Fixtures (our own, built from the platforms' documented shapes) and contexts for the tests. */
final class Fixtures {

  static final String TENANT = "tenant-a";
  static final UUID CONNECTION = UUID.fromString("5b0c1c8e-9a1e-4d0b-a3b4-1f2e3d4c5b6a");
  static final UUID WEBHOOK = UUID.fromString("0f9e8d7c-6b5a-4938-8271-605f4e3d2c1b");
  static final Instant RECEIVED = Instant.parse("2026-11-23T12:00:00Z");

  private Fixtures() {}

  static byte[] fixture(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/normalization/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(fixture(name), StandardCharsets.UTF_8);
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static WebhookContext context(String platform) {
    return context(platform, null);
  }

  static WebhookContext context(String platform, String topic) {
    return new WebhookContext(TENANT, CONNECTION, platform, topic, WEBHOOK, RECEIVED, false);
  }

  static Normalized normalize(WebhookContext context, byte[] body) {
    return Normalizers.forPlatform(context.platform()).normalize(context, body);
  }

  static Money money(String amount, String currency) {
    return new Money(new BigDecimal(amount), currency);
  }

  static BigDecimal quantity(String quantity) {
    return new BigDecimal(quantity);
  }

  /** The id of the i-th event of {@link #WEBHOOK}, computed here independently. */
  static String eventId(int index) {
    return UUID.nameUUIDFromBytes(bytes(WEBHOOK + ":" + index)).toString();
  }
}
