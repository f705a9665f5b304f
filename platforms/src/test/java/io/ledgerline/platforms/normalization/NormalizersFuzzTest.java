package io.ledgerline.platforms.normalization;

import static io.ledgerline.platforms.normalization.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A bounded randomized run over every payload parser: random bytes, and mutations (flipped,
 * dropped, duplicated and inserted bytes, including JSON and XML punctuation) of the valid
 * fixtures, so that the runs reach deep into each normalizer. The only allowed outcomes are a
 * result or {@link NormalizationFailed}. Seeded, so a failure reproduces; a few seconds in all.
 * (Jazzer is not on this module's test classpath; this is its stand-in.)
 */
class NormalizersFuzzTest {

  private static final int RUNS_PER_SEED_BODY =
      Integer.getInteger("normalization.fuzz.runs", 1_500);
  private static final byte[] INTERESTING =
      "{}[]\":,0123456789.-eE+ \\u<>/&=%abcnultrfsx".getBytes(StandardCharsets.US_ASCII);

  private record Target(WebhookContext context, byte[] seed) {}

  private static List<Target> targets() {
    WebhookContext lightspeed =
        new WebhookContext(
            Fixtures.TENANT,
            Fixtures.CONNECTION,
            "lightspeed",
            null,
            Fixtures.WEBHOOK,
            Fixtures.RECEIVED,
            false,
            "NZD");
    byte[] lightspeedForm =
        ("type=sale.update&domain_prefix=x&payload="
                + URLEncoder.encode(
                    Fixtures.text("lightspeed-register-sale.json"), StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8);
    byte[] lightspeedRawJson =
        ("type=sale.update&payload=" + Fixtures.text("lightspeed-register-sale.json"))
            .getBytes(StandardCharsets.UTF_8);
    return List.of(
        new Target(Fixtures.context("shopify", "orders/paid"), fixture("shopify-orders-paid.json")),
        new Target(
            Fixtures.context("shopify", "refunds/create"), fixture("shopify-refunds-create.json")),
        new Target(Fixtures.context("square"), fixture("square-payment-updated.json")),
        new Target(Fixtures.context("square"), fixture("square-refund-created.json")),
        new Target(Fixtures.context("square"), fixture("square-order-updated.json")),
        new Target(Fixtures.context("pipedrive"), fixture("pipedrive-deal-won-v2.json")),
        new Target(lightspeed, lightspeedForm),
        new Target(lightspeed, lightspeedRawJson),
        new Target(Fixtures.context("hubspot"), fixture("hubspot-deal-events.json")),
        new Target(
            Fixtures.context("salesforce"), fixture("salesforce-opportunity-notifications.xml")),
        new Target(Fixtures.context("zoho"), fixture("zoho-deals-update.json")),
        new Target(Fixtures.context("clover"), fixture("clover-updates.json")),
        new Target(
            Fixtures.context("standard-webhooks"), Fixtures.bytes("{\"test\": 2432232314}")));
  }

  @Test
  void everyNormalizerAnswersAnyBytesWithAResultOrNormalizationFailed() {
    Random random = new Random(Long.getLong("normalization.fuzz.seed", 20261123L));
    int results = 0;
    int failures = 0;
    for (Target target : targets()) {
      WebhookNormalizer normalizer = Normalizers.forPlatform(target.context().platform());
      assertThat(normalizer.normalize(target.context(), target.seed())).isNotNull();
      for (int run = 0; run < RUNS_PER_SEED_BODY; run++) {
        byte[] input =
            run % 10 == 0 ? randomBytes(random) : mutate(target.seed(), random, 1 + run % 8);
        try {
          normalizer.normalize(target.context(), input);
          results++;
        } catch (NormalizationFailed expected) {
          failures++;
        } catch (RuntimeException | StackOverflowError e) {
          fail(
              "%s threw %s on input (base64) %s",
              target.context().platform(), e, java.util.Base64.getEncoder().encodeToString(input));
        }
      }
    }
    // Both outcomes are reached: the mutations are neither all harmless nor all fatal.
    assertThat(results).isPositive();
    assertThat(failures).isPositive();
  }

  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[random.nextInt(256)];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] mutate(byte[] seed, Random random, int mutations) {
    List<Byte> bytes = new ArrayList<>(seed.length + mutations);
    for (byte b : seed) {
      bytes.add(b);
    }
    for (int m = 0; m < mutations && !bytes.isEmpty(); m++) {
      int at = random.nextInt(bytes.size());
      byte interesting = INTERESTING[random.nextInt(INTERESTING.length)];
      switch (random.nextInt(5)) {
        case 0 -> bytes.set(at, interesting);
        case 1 -> bytes.remove(at);
        case 2 -> bytes.add(at, interesting);
        case 3 -> bytes.set(at, (byte) random.nextInt(256));
        default -> {
          int end = Math.min(bytes.size(), at + 1 + random.nextInt(16));
          bytes.addAll(at, new ArrayList<>(bytes.subList(at, end)));
        }
      }
    }
    byte[] out = new byte[bytes.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = bytes.get(i);
    }
    return out;
  }
}
