package io.ledgerline.platforms.salesforce;

import io.ledgerline.platforms.webhook.Crypto;
import io.ledgerline.platforms.webhook.IpAllowList;
import io.ledgerline.platforms.webhook.MalformedInput;
import io.ledgerline.platforms.webhook.Reason;
import io.ledgerline.platforms.webhook.SafeXml;
import io.ledgerline.platforms.webhook.UrlToken;
import io.ledgerline.platforms.webhook.Verdict;
import io.ledgerline.platforms.webhook.VerificationSettings;
import io.ledgerline.platforms.webhook.WebhookCredentials;
import io.ledgerline.platforms.webhook.WebhookRequest;
import io.ledgerline.platforms.webhook.WebhookVerifier;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Salesforce Outbound Messages are unsigned SOAP. The organization id in them is public (any org's
 * admin can read it, and a message may name any), so it is no credential: the credential is the
 * connection's URL token ({@link UrlToken}: the endpoint URL the admin enters in the outbound
 * message is {@code .../webhooks/salesforce/{connectionId}?token=...}). Then the {@code
 * OrganizationId} of the {@code notifications} element must be the connection's (15- and
 * 18-character forms compare by their case-sensitive 15-character prefix), and the sender must be
 * in the optional IP allow-list (the client address webhook-ingest sees: the gateway's
 * X-Forwarded-For, trusted only from the gateway). The XML is parsed with DTDs and external
 * entities disabled. No single event id (a message holds up to 100 notifications).
 */
final class SalesforceVerifier implements WebhookVerifier {

  static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
  static final String OUTBOUND_NS = "http://soap.sforce.com/2005/09/outbound";

  private final VerificationSettings settings;

  SalesforceVerifier(VerificationSettings settings) {
    this.settings = settings;
  }

  @Override
  public String platform() {
    return SalesforcePlatform.ID;
  }

  @Override
  public Verdict verify(WebhookRequest request, WebhookCredentials credentials) {
    if (credentials != null
        && !credentials.allowedSourceIps().isEmpty()
        && !IpAllowList.allows(credentials.allowedSourceIps(), request.remoteAddress())) {
      return Verdict.invalid(Reason.BAD_CREDENTIAL, "the source address is not in the allow-list");
    }
    Verdict token = UrlToken.verify(request, credentials, settings.evaluationInstant(request));
    if (!token.isValid()) {
      return token;
    }
    String organizationId;
    try {
      organizationId = organizationId(request.rawBody());
    } catch (MalformedInput e) {
      return Verdict.invalid(Reason.MALFORMED, e.getMessage());
    }
    if (organizationId.isEmpty()) {
      return Verdict.invalid(Reason.MALFORMED, "the notifications have no OrganizationId");
    }
    String expected = credentials.accountId();
    if (expected != null && !sameOrganization(expected, organizationId)) {
      return Verdict.invalid(
          Reason.BAD_CREDENTIAL, "the message names another organization than the connection's");
    }
    return token;
  }

  static boolean sameOrganization(String expected, String presented) {
    if (expected.length() == presented.length()) {
      return Crypto.equal(expected, presented);
    }
    if (expected.length() >= 15 && presented.length() >= 15) {
      return Crypto.equal(expected.substring(0, 15), presented.substring(0, 15));
    }
    return false;
  }

  /** Envelope/Body/notifications/OrganizationId, trimmed; "" when the element is absent. */
  static String organizationId(byte[] body) throws MalformedInput {
    Document document = parse(body);
    Element envelope = document.getDocumentElement();
    if (!SafeXml.is(envelope, SOAP_NS, "Envelope")) {
      throw new MalformedInput("not a SOAP envelope");
    }
    Element soapBody = onlyChild(envelope, SOAP_NS, "Body");
    Element notifications = onlyChild(soapBody, OUTBOUND_NS, "notifications");
    List<Element> ids = SafeXml.children(notifications, OUTBOUND_NS, "OrganizationId");
    if (ids.size() > 1) {
      throw new MalformedInput("more than one OrganizationId");
    }
    return ids.isEmpty() ? "" : ids.get(0).getTextContent().trim();
  }

  private static Document parse(byte[] body) throws MalformedInput {
    return SafeXml.parse(body).orElseThrow(() -> new MalformedInput("invalid XML"));
  }

  private static Element onlyChild(Element parent, String namespace, String localName)
      throws MalformedInput {
    List<Element> found = SafeXml.children(parent, namespace, localName);
    if (found.size() != 1) {
      throw new MalformedInput("expected one " + localName + " element");
    }
    return found.get(0);
  }
}
