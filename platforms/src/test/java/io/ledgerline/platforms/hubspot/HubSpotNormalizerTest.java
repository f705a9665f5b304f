package io.ledgerline.platforms.hubspot;

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

class HubSpotNormalizerTest {

  @Test
  void eachEventOfTheBatchAsksForItsObject() {
    Normalized normalized = normalize(context("hubspot"), fixture("hubspot-deal-events.json"));

    assertThat(requests(normalized, Platform.HUBSPOT))
        .extracting(
            SyncRequest::getObjectType,
            SyncRequest::getExternalId,
            SyncRequest::getAction,
            SyncRequest::getOccurredAt)
        .containsExactly(
            tuple("deal", "9001", "creation", Instant.ofEpochMilli(1763740800000L)),
            tuple("deal", "9001", "propertyChange", Instant.ofEpochMilli(1763740860000L)),
            tuple("contact", "777", "deletion", Instant.ofEpochMilli(1763740920000L)));
    assertThat(normalized.platformEventId()).isEmpty();
  }

  @Test
  void aBatchOfOneEventIsIdentifiedByItsEventId() {
    String body =
        "[{\"eventId\":1001,\"portalId\":62515,\"occurredAt\":1763740800000,"
            + "\"subscriptionType\":\"deal.creation\",\"objectId\":9001}]";

    assertThat(normalize(context("hubspot"), bytes(body)).platformEventId()).contains("1001");
  }

  @Test
  void rejectsATimeWithAHugeExponentWithoutWritingItOut() {
    String body =
        "[{\"eventId\":1,\"occurredAt\":1e999999999,"
            + "\"subscriptionType\":\"deal.creation\",\"objectId\":9001}]";

    assertThatThrownBy(() -> normalize(context("hubspot"), bytes(body)))
        .isInstanceOf(NormalizationFailed.class);
  }

  @Test
  void rejectsAnObjectAnEmptyBatchAnEventWithoutObjectOrTypeAndBrokenJson() {
    for (String body :
        new String[] {
          "{\"eventId\":1}",
          "[]",
          "[1]",
          "[{\"eventId\":1,\"subscriptionType\":\"deal.creation\"}]",
          "[{\"eventId\":1,\"subscriptionType\":\"deal\",\"objectId\":9}]",
          "[{\"eventId\":1,"
        }) {
      assertThatThrownBy(() -> normalize(context("hubspot"), bytes(body)))
          .isInstanceOf(NormalizationFailed.class);
    }
  }
}
