package io.ledgerline.platforms.zoho;

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

class ZohoNormalizerTest {

  @Test
  void eachRecordIdAsksForTheRecordOfTheModule() {
    Normalized normalized = normalize(context("zoho"), fixture("zoho-deals-update.json"));

    Instant serverTime = Instant.ofEpochMilli(1763741000000L);
    assertThat(requests(normalized, Platform.ZOHO))
        .extracting(
            SyncRequest::getObjectType,
            SyncRequest::getExternalId,
            SyncRequest::getAction,
            SyncRequest::getOccurredAt)
        .containsExactly(
            tuple("Deals", "5725767000000412001", "update", serverTime),
            tuple("Deals", "5725767000000412002", "update", serverTime));
    assertThat(normalized.platformEventId()).isEmpty();
  }

  @Test
  void rejectsANotificationWithoutModuleOperationOrIds() {
    for (String body :
        new String[] {
          "{\"operation\":\"insert\",\"ids\":[\"1\"]}",
          "{\"module\":\"Deals\",\"ids\":[\"1\"]}",
          "{\"module\":\"Deals\",\"operation\":\"insert\",\"ids\":[]}",
          "{\"module\":\"Deals\",\"operation\":\"insert\",\"ids\":[{\"id\":1}]}",
          "{\"module\":\"Deals\",\"operation\":\"insert\",\"ids\":\"1\"}",
          "[\"Deals\"]",
          "{"
        }) {
      assertThatThrownBy(() -> normalize(context("zoho"), bytes(body)))
          .isInstanceOf(NormalizationFailed.class);
    }
  }
}
