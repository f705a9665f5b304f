package io.ledgerline.platforms.pipedrive;

import static io.ledgerline.platforms.normalization.Fixtures.bytes;
import static io.ledgerline.platforms.normalization.Fixtures.context;
import static io.ledgerline.platforms.normalization.Fixtures.fixture;
import static io.ledgerline.platforms.normalization.Fixtures.money;
import static io.ledgerline.platforms.normalization.Fixtures.normalize;
import static io.ledgerline.platforms.normalization.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.events.DealEvent;
import io.ledgerline.events.DealKind;
import io.ledgerline.events.Platform;
import io.ledgerline.events.SyncRequest;
import io.ledgerline.platforms.normalization.Fixtures;
import io.ledgerline.platforms.normalization.NormalizationFailed;
import io.ledgerline.platforms.normalization.Normalized;
import io.ledgerline.platforms.normalization.WebhookContext;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PipedriveNormalizerTest {

  private static DealEvent deal(String body) {
    Normalized normalized = normalize(context("pipedrive"), bytes(body));
    assertThat(normalized.events()).hasSize(1);
    return (DealEvent) normalized.events().get(0);
  }

  @Test
  void aDealWhoseStatusBecomesWonIsAWonDeal() {
    Normalized normalized = normalize(context("pipedrive"), fixture("pipedrive-deal-won-v2.json"));

    DealEvent deal = (DealEvent) normalized.events().get(0);
    assertThat(deal.getKind()).isEqualTo(DealKind.WON);
    assertThat(deal.getPlatform()).isEqualTo(Platform.PIPEDRIVE);
    assertThat(deal.getExternalId()).isEqualTo("4242");
    assertThat(deal.getTitle()).isEqualTo("Annual support contract");
    assertThat(deal.getStage()).isEqualTo("5");
    assertThat(deal.getAmount()).isEqualTo(money("12500.5000", "EUR"));
    assertThat(deal.getCustomer().getExternalId()).isEqualTo("org:12");
    assertThat(deal.getCustomer().getName()).isNull();
    assertThat(deal.getClosedAt()).isEqualTo(Instant.parse("2026-11-21T15:59:58Z"));
    assertThat(deal.getOccurredAt()).isEqualTo(Instant.parse("2026-11-21T16:00:00Z"));
    assertThat(deal.getEventId()).isEqualTo(Fixtures.eventId(0));
    assertThat(normalized.platformEventId()).contains("8f1a7c2e-0b6d-4c59-9e3a-2d4b6f8a1c3e");
  }

  @Test
  void aChangeToADealThatWasAlreadyWonIsAnUpdate() {
    String body =
        text("pipedrive-deal-won-v2.json")
            .replace(
                "\"previous\": {\"status\": \"open\", \"stage_id\": 4}",
                "\"previous\": {\"stage_id\": 4}");

    assertThat(deal(body).getKind()).isEqualTo(DealKind.UPDATED);
  }

  @Test
  void aDealWhoseStatusBecomesLostIsALostDealClosedAtItsLostTime() {
    String body =
        text("pipedrive-deal-won-v2.json")
            .replace("\"status\": \"won\"", "\"status\": \"lost\"")
            .replace("\"lost_time\": null", "\"lost_time\": \"2026-11-21T15:00:00Z\"");

    DealEvent deal = deal(body);
    assertThat(deal.getKind()).isEqualTo(DealKind.LOST);
    assertThat(deal.getClosedAt()).isEqualTo(Instant.parse("2026-11-21T15:00:00Z"));
  }

  @Test
  void aNewOpenDealIsCreatedAndItsPersonIsTheCustomerWithoutAnOrganization() {
    String body =
        text("pipedrive-deal-won-v2.json")
            .replace("\"action\": \"change\"", "\"action\": \"create\"")
            .replace("\"status\": \"won\"", "\"status\": \"open\"")
            .replace("\"org_id\": 12", "\"org_id\": null")
            .replace("\"won_time\": \"2026-11-21T15:59:58Z\"", "\"won_time\": null")
            .replace("\"close_time\": \"2026-11-21T15:59:58Z\"", "\"close_time\": null");

    DealEvent deal = deal(body);
    assertThat(deal.getKind()).isEqualTo(DealKind.CREATED);
    assertThat(deal.getCustomer().getExternalId()).isEqualTo("person:31");
    assertThat(deal.getClosedAt()).isNull();
  }

  @Test
  void aDeletedDealIsDeletedByItsEntityId() {
    String body =
        "{\"meta\":{\"action\":\"delete\",\"entity\":\"deal\",\"entity_id\":4242,\"id\":\"d-1\","
            + "\"timestamp\":1763740800},\"data\":null,\"previous\":{\"title\":\"Old\"}}";

    DealEvent deal = deal(body);
    assertThat(deal.getKind()).isEqualTo(DealKind.DELETED);
    assertThat(deal.getExternalId()).isEqualTo("4242");
    assertThat(deal.getOccurredAt()).isEqualTo(Instant.ofEpochSecond(1763740800));
  }

  @Test
  void aDealWithoutValueHasNoAmount() {
    String body =
        text("pipedrive-deal-won-v2.json").replace("\"value\": 12500.5,", "\"value\": null,");

    assertThat(deal(body).getAmount()).isNull();
  }

  @Test
  void otherEntitiesEmitNothing() {
    String body =
        "{\"meta\":{\"action\":\"change\",\"entity\":\"person\",\"entity_id\":31,\"id\":\"p-1\"},"
            + "\"data\":{\"id\":31},\"previous\":{}}";

    assertThat(normalize(context("pipedrive"), bytes(body)).events()).isEmpty();
  }

  @Test
  void rejectsABodyWithoutMetaOrWithAnUnknownActionOrNotJson() {
    for (String body :
        new String[] {
          "{\"data\":{\"id\":1}}",
          "{\"meta\":{\"action\":\"merge\",\"entity\":\"deal\"},\"data\":{\"id\":1}}",
          "{\"meta\":{\"action\":\"change\",\"entity\":\"deal\"},\"data\":null}",
          "{\"meta\":"
        }) {
      assertThatThrownBy(() -> normalize(context("pipedrive"), bytes(body)))
          .isInstanceOf(NormalizationFailed.class);
    }
  }

  /** A connection connected by OAuth2: its API can be read, so deals are fetched. */
  private static WebhookContext fetchable() {
    WebhookContext c = context("pipedrive");
    return new WebhookContext(
        c.tenantId(),
        c.connectionId(),
        c.platform(),
        c.topic(),
        c.webhookId(),
        c.receivedAt(),
        false,
        null,
        null,
        null,
        true);
  }

  @Test
  void aWonDealOfAConnectionWithApiAccessIsFetchedWithItsProductsAndBuyer() {
    Normalized normalized = normalize(fetchable(), fixture("pipedrive-deal-won-v2.json"));

    assertThat(normalized.events()).hasSize(1);
    SyncRequest request = (SyncRequest) normalized.events().get(0);
    assertThat(request.getObjectType()).isEqualTo("deal");
    assertThat(request.getExternalId()).isEqualTo("4242");
    assertThat(request.getAction()).isEqualTo("change");
    assertThat(request.getPlatform()).isEqualTo(Platform.PIPEDRIVE);
    assertThat(request.getOccurredAt()).isEqualTo(Instant.parse("2026-11-21T16:00:00Z"));
    assertThat(request.getEventId()).isEqualTo(Fixtures.eventId(0));
    assertThat(request.getWebhookId()).isEqualTo(Fixtures.WEBHOOK.toString());
    assertThat(normalized.platformEventId()).contains("8f1a7c2e-0b6d-4c59-9e3a-2d4b6f8a1c3e");
  }

  @Test
  void aStageChangeOrANewDealIsFetchedButATitleChangeOfAnOpenDealIsNot() {
    String open =
        text("pipedrive-deal-won-v2.json").replace("\"status\": \"won\"", "\"status\": \"open\"");
    String stageMoved =
        open.replace(
            "\"previous\": {\"status\": \"open\", \"stage_id\": 4}",
            "\"previous\": {\"stage_id\": 4}");
    String created = open.replace("\"action\": \"change\"", "\"action\": \"create\"");
    String retitled =
        open.replace(
            "\"previous\": {\"status\": \"open\", \"stage_id\": 4}",
            "\"previous\": {\"title\": \"Support\"}");

    assertThat(normalize(fetchable(), bytes(stageMoved)).events())
        .singleElement()
        .isInstanceOf(SyncRequest.class);
    assertThat(normalize(fetchable(), bytes(created)).events())
        .singleElement()
        .isInstanceOf(SyncRequest.class);
    Normalized nothing = normalize(fetchable(), bytes(retitled));
    assertThat(nothing.events()).isEmpty();
    assertThat(nothing.summary()).contains("nothing to fetch");
  }

  @Test
  void aDeletedDealOfAConnectionWithApiAccessStaysADeletedDeal() {
    String body =
        text("pipedrive-deal-won-v2.json")
            .replace("\"action\": \"change\"", "\"action\": \"delete\"");

    assertThat(normalize(fetchable(), bytes(body)).events())
        .singleElement()
        .satisfies(e -> assertThat(((DealEvent) e).getKind()).isEqualTo(DealKind.DELETED));
  }
}
