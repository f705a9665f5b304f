package io.ledgerline.platforms.salesforce;

import static io.ledgerline.platforms.webhook.Fixtures.NOW;
import static io.ledgerline.platforms.webhook.Fixtures.fixture;
import static io.ledgerline.platforms.webhook.Fixtures.request;
import static io.ledgerline.platforms.webhook.VerdictAssertions.assertRejected;
import static io.ledgerline.platforms.webhook.VerdictAssertions.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.platforms.Platforms;
import io.ledgerline.platforms.webhook.Fixtures;
import io.ledgerline.platforms.webhook.Reason;
import io.ledgerline.platforms.webhook.VerificationSettings;
import io.ledgerline.platforms.webhook.WebhookCredentials;
import io.ledgerline.platforms.webhook.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SalesforceVerifierTest {

  private final WebhookVerifier verifier =
      Platforms.installed().get("salesforce").verifier(VerificationSettings.defaults());

  private static final String ORG_18 = "00D5e000000KQ2eEAG";

  private static final String TOKEN = "sf-7Qm2xV0c9kB4";
  private static final String URL =
      "https://hooks.ledgerline.test/webhooks/salesforce/conn-3?token=" + TOKEN;

  private final WebhookCredentials credentials = credentials(ORG_18, TOKEN);

  private final Fixtures.RequestBuilder message =
      request("salesforce")
          .url(URL)
          .header("Content-Type", "text/xml; charset=utf-8")
          .header("SOAPAction", "\"\"")
          .body(fixture("salesforce-opportunity-notification.xml"))
          .remoteAddress("13.108.0.12");

  private static WebhookCredentials credentials(String organizationId, String token) {
    return WebhookCredentials.builder().secret(token).accountId(organizationId).build();
  }

  private static String xml() {
    return new String(fixture("salesforce-opportunity-notification.xml"), StandardCharsets.UTF_8);
  }

  @Test
  void acceptsTheConnectionsOrganization() {
    assertValid(verifier.verify(message.build(), credentials), null);
  }

  /** Issue 12: the organization id is public; the URL token is the credential. */
  @Test
  void rejectsAMessageWithoutOrWithAWrongUrlToken() {
    assertRejected(
        verifier.verify(
            message.copy().url(URL.replace("?token=" + TOKEN, "")).build(), credentials),
        Reason.MISSING_SIGNATURE);
    assertRejected(
        verifier.verify(message.copy().url(URL.replace(TOKEN, "sf-guessed")).build(), credentials),
        Reason.BAD_CREDENTIAL);
    // the organization id alone, as the secret it used to be, no longer verifies
    assertRejected(
        verifier.verify(message.copy().url(URL.replace(TOKEN, ORG_18)).build(), credentials),
        Reason.BAD_CREDENTIAL);
    assertRejected(
        verifier.verify(message.build(), WebhookCredentials.builder().accountId(ORG_18).build()),
        Reason.NOT_CONFIGURED);
  }

  @Test
  void matchesThe15CharacterFormOfTheOrganizationId() {
    assertValid(verifier.verify(message.build(), credentials("00D5e000000KQ2e", TOKEN)));
    assertRejected(
        verifier.verify(message.build(), credentials("00D5e000000kq2e", TOKEN)),
        Reason.BAD_CREDENTIAL);
  }

  @Test
  void rejectsAnotherOrganization() {
    assertRejected(
        verifier.verify(message.build(), credentials("00D5e000000XXXXEAG", TOKEN)),
        Reason.BAD_CREDENTIAL);
    assertRejected(
        verifier.verify(
            message.copy().body(xml().replace("KQ2eEAG", "KQ2fEAG")).build(), credentials),
        Reason.BAD_CREDENTIAL);
  }

  @Test
  void enforcesTheOptionalIpAllowList() {
    WebhookCredentials allowList =
        WebhookCredentials.builder()
            .secret(TOKEN)
            .accountId(ORG_18)
            .allowedSourceIp("13.108.0.0/14")
            .allowedSourceIp("2001:db8::/32")
            .build();

    assertValid(verifier.verify(message.build(), allowList));
    assertValid(verifier.verify(message.copy().remoteAddress("2001:db8::1").build(), allowList));
    assertRejected(
        verifier.verify(message.copy().remoteAddress("203.0.113.9").build(), allowList),
        Reason.BAD_CREDENTIAL);
    assertRejected(
        verifier.verify(message.copy().remoteAddress(null).build(), allowList),
        Reason.BAD_CREDENTIAL);
    assertRejected(
        verifier.verify(message.copy().remoteAddress("localhost").build(), allowList),
        Reason.BAD_CREDENTIAL);
  }

  @Test
  void rejectsAnEnvelopeWithoutOrganizationId() {
    assertRejected(
        verifier.verify(
            message
                .copy()
                .body(xml().replace("<OrganizationId>" + ORG_18 + "</OrganizationId>", ""))
                .build(),
            credentials),
        Reason.MALFORMED);
  }

  @Test
  void rejectsAnOrganizationIdOutsideTheSalesforceNamespace() {
    assertRejected(
        verifier.verify(
            message
                .copy()
                .body(xml().replace("http://soap.sforce.com/2005/09/outbound", "urn:elsewhere"))
                .build(),
            credentials),
        Reason.MALFORMED);
  }

  @Test
  void refusesDoctypesSoNoEntityIsEverExpanded() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY org SYSTEM \"file:///etc/hostname\">]>"
            + xml().substring(xml().indexOf("<soapenv:Envelope")).replace(ORG_18, "&org;");
    String billionLaughs =
        "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
            + "<l>&b;</l>";

    assertRejected(
        verifier.verify(message.copy().body(xxe).build(), credentials), Reason.MALFORMED);
    assertRejected(
        verifier.verify(message.copy().body(billionLaughs).build(), credentials), Reason.MALFORMED);
  }

  @Test
  void rejectsSomethingThatIsNotXml() {
    assertRejected(
        verifier.verify(
            message.copy().body("{\"OrganizationId\":\"" + ORG_18 + "\"}").build(), credentials),
        Reason.MALFORMED);
  }

  @Test
  void rotationKeepsTheOldTokenOnlyUntilItExpires() {
    assertValid(
        verifier.verify(
            message.build(),
            WebhookCredentials.builder()
                .secret("sf-the-new-token")
                .secret(TOKEN, NOW.plusSeconds(60))
                .accountId(ORG_18)
                .build()));
    assertRejected(
        verifier.verify(
            message.build(),
            WebhookCredentials.builder()
                .secret("sf-the-new-token")
                .secret(TOKEN, NOW.minusSeconds(60))
                .accountId(ORG_18)
                .build()),
        Reason.BAD_CREDENTIAL);
  }

  /** Issue 12: deep nesting must end as a rejection before authentication, never a 500. */
  @Test
  void rejectsDeeplyNestedXmlAsMalformedWithoutOverflowingTheStack() {
    int depth = 200_000;
    String deep = "<a>".repeat(depth) + "</a>".repeat(depth);
    String inEnvelope =
        xml().replace("<soapenv:Body>", "<soapenv:Body>" + "<x>".repeat(100) + "</x>".repeat(100));

    assertRejected(
        verifier.verify(message.copy().body(deep).build(), credentials), Reason.MALFORMED);
    assertRejected(
        verifier.verify(message.copy().body(inEnvelope).build(), credentials), Reason.MALFORMED);
    assertThat(io.ledgerline.platforms.webhook.SafeXml.parse(deep.getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
  }
}
