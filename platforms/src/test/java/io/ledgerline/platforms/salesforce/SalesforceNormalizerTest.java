package io.ledgerline.platforms.salesforce;

import static io.ledgerline.platforms.normalization.Fixtures.bytes;
import static io.ledgerline.platforms.normalization.Fixtures.context;
import static io.ledgerline.platforms.normalization.Fixtures.fixture;
import static io.ledgerline.platforms.normalization.Fixtures.normalize;
import static io.ledgerline.platforms.normalization.Fixtures.text;
import static io.ledgerline.platforms.normalization.SyncRequestAssertions.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.ledgerline.events.Platform;
import io.ledgerline.events.SyncRequest;
import io.ledgerline.platforms.normalization.Fixtures;
import io.ledgerline.platforms.normalization.NormalizationFailed;
import io.ledgerline.platforms.normalization.Normalized;
import org.junit.jupiter.api.Test;

class SalesforceNormalizerTest {

  @Test
  void eachNotificationAsksForItsSObject() {
    Normalized normalized =
        normalize(context("salesforce"), fixture("salesforce-opportunity-notifications.xml"));

    assertThat(requests(normalized, Platform.SALESFORCE))
        .extracting(
            SyncRequest::getObjectType,
            SyncRequest::getExternalId,
            SyncRequest::getAction,
            SyncRequest::getOccurredAt)
        .containsExactly(
            tuple("Opportunity", "006TEST00000001AAA", "notification", Fixtures.RECEIVED),
            tuple("Account", "001TEST00000001AAA", "notification", Fixtures.RECEIVED));
    assertThat(normalized.platformEventId()).isEmpty();
  }

  @Test
  void aMessageOfOneNotificationIsIdentifiedByItsId() {
    String one =
        text("salesforce-opportunity-notifications.xml")
            .replaceAll("(?s)<Notification>\\s*<Id>04lTEST00000002AAA.*?</Notification>", "");

    assertThat(normalize(context("salesforce"), bytes(one)).platformEventId())
        .contains("04lTEST00000001AAA");
  }

  @Test
  void refusesADoctypeSoNoEntityIsEverExpanded() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
            + text("salesforce-opportunity-notifications.xml")
                .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "")
                .replace("006TEST00000001AAA", "&e;");

    assertThatThrownBy(() -> normalize(context("salesforce"), bytes(xxe)))
        .isInstanceOf(NormalizationFailed.class)
        .matches(e -> ((NormalizationFailed) e).malformed());
  }

  @Test
  void rejectsAMessageWithoutNotificationsOrIdsOrThatIsNotSoap() {
    String xml = text("salesforce-opportunity-notifications.xml");
    for (String body :
        new String[] {
          xml.replaceAll("(?s)<Notification>.*</Notification>", ""),
          xml.replace("<sf:Id>006TEST00000001AAA</sf:Id>", ""),
          xml.replace("xsi:type=\"sf:Account\"", ""),
          "<notifications xmlns=\"http://soap.sforce.com/2005/09/outbound\"/>",
          "<soapenv:Envelope",
          "{\"json\":true}"
        }) {
      assertThatThrownBy(() -> normalize(context("salesforce"), bytes(body)))
          .isInstanceOf(NormalizationFailed.class);
    }
  }
}
