package io.ledgerline.platforms.normalization;

import static io.ledgerline.platforms.normalization.Fixtures.bytes;
import static io.ledgerline.platforms.normalization.Fixtures.context;
import static io.ledgerline.platforms.normalization.Fixtures.fixture;
import static io.ledgerline.platforms.normalization.Fixtures.normalize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.events.SyncRequest;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class NormalizersTest {

  @Test
  void everyPlatformOfTheWebhookUrlsHasANormalizer() {
    assertThat(Normalizers.platforms())
        .containsExactlyInAnyOrder(
            "hubspot",
            "salesforce",
            "pipedrive",
            "zoho",
            "square",
            "shopify",
            "lightspeed",
            "clover",
            "standard-webhooks");
    assertThatThrownBy(() -> Normalizers.forPlatform("stripe"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void normalizingTheSameStoredWebhookAgainGivesTheSameEventIds() {
    List<SpecificRecord> first =
        normalize(context("clover"), fixture("clover-updates.json")).events();
    List<SpecificRecord> again =
        normalize(context("clover"), fixture("clover-updates.json")).events();

    assertThat(again).isEqualTo(first);
    assertThat(first)
        .extracting(e -> ((SyncRequest) e).getEventId())
        .containsExactly(Fixtures.eventId(0), Fixtures.eventId(1), Fixtures.eventId(2))
        .doesNotHaveDuplicates();
  }

  @Test
  void aReplayHasNewEventIdsAndIsMarkedAsOne() {
    WebhookContext replay = context("clover").asReplay();

    List<SyncRequest> first =
        normalize(replay, fixture("clover-updates.json")).events().stream()
            .map(SyncRequest.class::cast)
            .toList();
    List<SyncRequest> second =
        normalize(replay, fixture("clover-updates.json")).events().stream()
            .map(SyncRequest.class::cast)
            .toList();

    assertThat(first).allMatch(SyncRequest::getReplay);
    assertThat(first)
        .extracting(SyncRequest::getEventId)
        .doesNotContain(Fixtures.eventId(0), Fixtures.eventId(1), Fixtures.eventId(2))
        .doesNotContainAnyElementsOf(second.stream().map(SyncRequest::getEventId).toList());
    // The event time is the platform's, not the replay's.
    assertThat(first.get(0).getOccurredAt()).isEqualTo(Instant.ofEpochMilli(1763741100000L));
  }

  @Test
  void aReplayOfABodyWithoutTimeKeepsTheOriginalArrivalAsItsTime() {
    SyncRequest replayed =
        (SyncRequest)
            normalize(
                    context("salesforce").asReplay(),
                    fixture("salesforce-opportunity-notifications.xml"))
                .events()
                .get(0);

    assertThat(replayed.getReplay()).isTrue();
    assertThat(replayed.getOccurredAt()).isEqualTo(Fixtures.RECEIVED);
  }

  @Test
  void standardWebhooksAreStoredAndWaitForTheirMappingTemplate() {
    Normalized normalized =
        normalize(context("standard-webhooks"), bytes("{\"test\": 2432232314}"));

    assertThat(normalized.events()).isEmpty();
    assertThat(normalized.platformEventId()).isEmpty();
    assertThatThrownBy(() -> normalize(context("standard-webhooks"), bytes("{\"test\":")))
        .isInstanceOf(NormalizationFailed.class)
        .matches(e -> ((NormalizationFailed) e).malformed());
  }

  @Test
  void anAmountBeyondTheContractsPrecisionIsABadBody() {
    // 15 integer digits and 4 places fit; a quantity of 10^17 times a price does not fit Avro's 19.
    String body =
        "{\"id\":1,\"currency\":\"EUR\",\"line_items\":[{\"name\":\"x\",\"price\":\"1.00\","
            + "\"quantity\":100000000000000000000}]}";

    assertThatThrownBy(() -> normalize(context("shopify", "orders/paid"), bytes(body)))
        .isInstanceOf(NormalizationFailed.class);
  }

  @Test
  void refusesAWebhookOfAnotherPlatform() {
    assertThatThrownBy(
            () ->
                Normalizers.forPlatform("zoho")
                    .normalize(context("clover"), fixture("clover-updates.json")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
