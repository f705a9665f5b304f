package io.ledgerline.platforms.clover;

import static io.ledgerline.platforms.normalization.Fixtures.bytes;
import static io.ledgerline.platforms.normalization.Fixtures.context;
import static io.ledgerline.platforms.normalization.Fixtures.fixture;
import static io.ledgerline.platforms.normalization.Fixtures.normalize;
import static io.ledgerline.platforms.normalization.SyncRequestAssertions.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.ledgerline.events.Platform;
import io.ledgerline.events.SyncRequest;
import io.ledgerline.platforms.normalization.NormalizationFailed;
import io.ledgerline.platforms.normalization.Normalized;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CloverNormalizerTest {

  @Test
  void eachUpdateOfEveryMerchantAsksForItsObjectByPrefix() {
    Normalized normalized = normalize(context("clover"), fixture("clover-updates.json"));

    assertThat(requests(normalized, Platform.CLOVER))
        .extracting(
            SyncRequest::getObjectType,
            SyncRequest::getExternalId,
            SyncRequest::getAction,
            SyncRequest::getOccurredAt)
        .containsExactly(
            tuple("order", "GKT5FEDYTEST1", "update", Instant.ofEpochMilli(1763741100000L)),
            tuple("payment", "7HZ9EEBATEST2", "create", Instant.ofEpochMilli(1763741101000L)),
            tuple("customer", "ABCDEF123456", "delete", Instant.ofEpochMilli(1763741102000L)));
  }

  @Test
  void theVerificationPostIsLeftToTheCaller() {
    Normalized normalized =
        normalize(context("clover"), bytes("{\"verificationCode\":\"0b6d1c2e-aaaa\"}"));

    assertThat(normalized.events()).isEmpty();
  }

  @Test
  void anUnknownPrefixIsKeptAsTheObjectType() {
    String body =
        "{\"appId\":\"A\",\"merchants\":{\"M\":[{\"objectId\":\"XY:123\",\"type\":\"UPDATE\","
            + "\"ts\":1763741100000}]}}";

    assertThat(requests(normalize(context("clover"), bytes(body)), Platform.CLOVER))
        .extracting(SyncRequest::getObjectType, SyncRequest::getExternalId)
        .containsExactly(tuple("XY", "123"));
  }

  @Test
  void rejectsBodiesWithoutMerchantsOrWithIdsWithoutPrefix() {
    for (String body :
        new String[] {
          "{\"appId\":\"A\"}",
          "{\"appId\":\"A\",\"merchants\":{\"M\":{}}}",
          "{\"appId\":\"A\",\"merchants\":{\"M\":[{\"objectId\":\"O123\",\"type\":\"UPDATE\"}]}}",
          "{\"appId\":\"A\",\"merchants\":{\"M\":[{\"objectId\":\"O:1\"}]}}",
          "{\"appId\":\"A\",\"merchants\":{\"M\":[{\"objectId\":\"O:1\",\"type\":\"UPDATE\",\"ts\":-1}]}}",
          "nope"
        }) {
      assertThatThrownBy(() -> normalize(context("clover"), bytes(body)))
          .isInstanceOf(NormalizationFailed.class);
    }
  }
}
