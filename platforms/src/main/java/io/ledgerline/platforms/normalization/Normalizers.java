package io.ledgerline.platforms.normalization;

import io.ledgerline.platforms.Platform;
import io.ledgerline.platforms.Platforms;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import tools.jackson.core.JacksonException;

/**
 * The registered platforms' normalizers, each wrapped so that every event it returns is encodable
 * with its Avro schema and nothing but {@link NormalizationFailed} escapes for any body.
 */
public final class Normalizers {

  private Normalizers() {}

  /**
   * The platform's normalizer.
   *
   * @throws IllegalArgumentException for a platform that is not registered or has no normalizer
   */
  public static WebhookNormalizer forPlatform(String platform) {
    Platform found = Platforms.installed().get(platform);
    if (!found.provides(Platform.Part.NORMALIZER)) {
      throw new IllegalArgumentException("no normalizer for platform " + platform);
    }
    return of(found);
  }

  /** The platform's normalizer, guarded. */
  public static WebhookNormalizer of(Platform platform) {
    return new Encodable(platform.normalizer());
  }

  /** Every platform id with a normalizer. */
  public static List<String> platforms() {
    return Platforms.installed().providing(Platform.Part.NORMALIZER);
  }

  /**
   * Guarantees that every event returned can be written with its Avro schema: an amount the payload
   * allowed but the contract cannot hold (more than 19 digits) is a bad body here, not a failure
   * later in the outbox.
   */
  private record Encodable(WebhookNormalizer delegate) implements WebhookNormalizer {

    @Override
    public String platform() {
      return delegate.platform();
    }

    @Override
    public Normalized normalize(WebhookContext context, byte[] body) {
      if (!delegate.platform().equals(context.platform())) {
        throw new IllegalArgumentException(
            "a " + context.platform() + " webhook given to the " + platform() + " normalizer");
      }
      try {
        Normalized normalized = delegate.normalize(context, body);
        normalized.events().forEach(Encodable::encode);
        return normalized;
      } catch (ArithmeticException | NumberFormatException e) {
        // BigDecimal arithmetic on a number the payload allowed but the contract cannot hold.
        throw new NormalizationFailed("an amount cannot be held exactly");
      } catch (AvroRuntimeException e) {
        // Avro validates decimals when records are copied or written: more than 19 digits.
        throw new NormalizationFailed("an amount is out of the contract's range");
      } catch (JacksonException e) {
        // Jackson reads numbers lazily: a number beyond its limits fails on first use.
        throw NormalizationFailed.malformed("body holds a number beyond the parser's limits");
      }
    }

    private static void encode(SpecificRecord event) {
      try {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(event.getSchema()).write(event, encoder);
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static List<WebhookNormalizer> all() {
    return platforms().stream().map(Normalizers::forPlatform).toList();
  }
}
