package io.ledgerline.ingest.normalization;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import tools.jackson.core.JacksonException;

/** The normalizer of each platform, by the platform id used in URLs. */
public final class Normalizers {

  private static final Map<String, WebhookNormalizer> BY_PLATFORM =
      Stream.of(
              new ShopifyNormalizer(),
              new SquareNormalizer(),
              new PipedriveNormalizer(),
              new LightspeedNormalizer(),
              new HubSpotNormalizer(),
              new SalesforceNormalizer(),
              new ZohoNormalizer(),
              new CloverNormalizer(),
              new StandardWebhooksNormalizer())
          .map(Encodable::new)
          .collect(Collectors.toUnmodifiableMap(WebhookNormalizer::platform, Function.identity()));

  private Normalizers() {}

  /**
   * The platform's normalizer.
   *
   * @throws IllegalArgumentException for a platform id not in {@link #platforms()}
   */
  public static WebhookNormalizer forPlatform(String platform) {
    WebhookNormalizer normalizer = BY_PLATFORM.get(platform);
    if (normalizer == null) {
      throw new IllegalArgumentException("no normalizer for platform " + platform);
    }
    return normalizer;
  }

  /** Every platform id with a normalizer. */
  public static Set<String> platforms() {
    return BY_PLATFORM.keySet();
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
    return List.copyOf(BY_PLATFORM.values());
  }
}
