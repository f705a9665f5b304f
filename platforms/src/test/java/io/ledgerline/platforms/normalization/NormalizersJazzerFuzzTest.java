package io.ledgerline.platforms.normalization;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing (Jazzer) of every payload parser: whatever a sender posts, a normalizer
 * returns a result or fails with {@link NormalizationFailed}, the rejection the endpoint answers
 * with 400. Without JAZZER_FUZZ each target replays its seed inputs (the valid fixtures) in {@code
 * NormalizersJazzerFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} each fuzzes for its maxDuration.
 * {@link NormalizersFuzzTest} adds a seeded mutation run in every build.
 */
class NormalizersJazzerFuzzTest {

  private static void onlyResultOrDefinedFailure(WebhookContext context, byte[] body) {
    try {
      assertThat(Normalizers.forPlatform(context.platform()).normalize(context, body)).isNotNull();
    } catch (NormalizationFailed expected) {
      // the defined rejection
    }
  }

  @FuzzTest(maxDuration = "15s")
  void shopifyOrders(byte[] body) {
    onlyResultOrDefinedFailure(Fixtures.context("shopify", "orders/paid"), body);
  }

  @FuzzTest(maxDuration = "15s")
  void shopifyRefunds(byte[] body) {
    onlyResultOrDefinedFailure(Fixtures.context("shopify", "refunds/create"), body);
  }

  @FuzzTest(maxDuration = "15s")
  void square(byte[] body) {
    onlyResultOrDefinedFailure(Fixtures.context("square"), body);
  }

  @FuzzTest(maxDuration = "15s")
  void pipedrive(byte[] body) {
    onlyResultOrDefinedFailure(Fixtures.context("pipedrive"), body);
  }

  @FuzzTest(maxDuration = "15s")
  void lightspeed(byte[] body) {
    onlyResultOrDefinedFailure(
        new WebhookContext(
            Fixtures.TENANT,
            Fixtures.CONNECTION,
            "lightspeed",
            null,
            Fixtures.WEBHOOK,
            Fixtures.RECEIVED,
            false,
            "NZD"),
        body);
  }

  @FuzzTest(maxDuration = "15s")
  void hubspot(byte[] body) {
    onlyResultOrDefinedFailure(Fixtures.context("hubspot"), body);
  }

  @FuzzTest(maxDuration = "15s")
  void salesforce(byte[] body) {
    onlyResultOrDefinedFailure(Fixtures.context("salesforce"), body);
  }

  @FuzzTest(maxDuration = "15s")
  void zoho(byte[] body) {
    onlyResultOrDefinedFailure(Fixtures.context("zoho"), body);
  }

  @FuzzTest(maxDuration = "15s")
  void clover(byte[] body) {
    onlyResultOrDefinedFailure(Fixtures.context("clover"), body);
  }
}
