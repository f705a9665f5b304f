package io.ledgerline.platforms.salesforce;

import io.ledgerline.platforms.normalization.NormalizationFailed;
import io.ledgerline.platforms.normalization.Normalized;
import io.ledgerline.platforms.normalization.SyncRequests;
import io.ledgerline.platforms.normalization.WebhookContext;
import io.ledgerline.platforms.normalization.WebhookNormalizer;
import io.ledgerline.platforms.webhook.SafeXml;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import org.apache.avro.specific.SpecificRecord;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Salesforce Outbound Messages: a SOAP envelope whose body holds {@code notifications} with 1 to
 * 100 {@code Notification} elements, each an {@code sObject} ({@code xsi:type="sf:Opportunity"})
 * with its {@code sf:Id} and the fields the admin chose. Thin: one sync request per notification,
 * object type the sObject type without its prefix, external id the sObject's id, action {@code
 * notification}. The messages carry no time, so the event time is the arrival. The platform event
 * id is the Notification {@code Id} when the message holds one notification. The XML is parsed with
 * DOCTYPEs refused and no external entities, as in webhook-verification's SalesforceVerifier.
 */
final class SalesforceNormalizer implements WebhookNormalizer {

  static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
  static final String OUTBOUND_NS = "http://soap.sforce.com/2005/09/outbound";
  static final String XSI_NS = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
  private static final int MAX_NOTIFICATIONS = 100;

  @Override
  public String platform() {
    return SalesforcePlatform.ID;
  }

  @Override
  public Normalized normalize(WebhookContext context, byte[] body) {
    Element envelope = parse(body).getDocumentElement();
    if (!SafeXml.is(envelope, SOAP_NS, "Envelope")) {
      throw new NormalizationFailed("not a SOAP envelope");
    }
    Element notifications =
        onlyChild(onlyChild(envelope, SOAP_NS, "Body"), OUTBOUND_NS, "notifications");
    List<Element> list = SafeXml.children(notifications, OUTBOUND_NS, "Notification");
    if (list.isEmpty() || list.size() > MAX_NOTIFICATIONS) {
      throw new NormalizationFailed("a message holds 1 to 100 notifications");
    }
    List<SpecificRecord> events = new ArrayList<>();
    for (Element notification : list) {
      Element sObject = onlyChild(notification, OUTBOUND_NS, "sObject");
      String type = sObject.getAttributeNS(XSI_NS, "type").trim();
      String objectType = type.substring(type.indexOf(':') + 1);
      if (objectType.isEmpty()) {
        throw new NormalizationFailed("an sObject has no xsi:type");
      }
      String id = childText(sObject, "Id");
      if (id.isEmpty()) {
        throw new NormalizationFailed("an sObject has no Id");
      }
      events.add(
          SyncRequests.of(
              context, events.size(), objectType, id, "notification", context.receivedAt()));
    }
    Optional<String> eventId =
        list.size() == 1
            ? Optional.of(childText(list.get(0), "Id")).filter(s -> !s.isEmpty())
            : Optional.empty();
    return new Normalized(
        events, eventId, "Salesforce outbound message: " + events.size() + " sync request(s)");
  }

  private static Document parse(byte[] body) {
    return SafeXml.parse(body)
        .orElseThrow(() -> NormalizationFailed.malformed("body is not valid XML"));
  }

  private static Element onlyChild(Element parent, String namespace, String localName) {
    List<Element> found = SafeXml.children(parent, namespace, localName);
    if (found.size() != 1) {
      throw new NormalizationFailed("expected one " + localName + " element");
    }
    return found.get(0);
  }

  /**
   * The text of the child with this local name, in whatever namespace ({@code sf:Id} is in the
   * sObject namespace, Notification's {@code Id} in the outbound one); "" when absent.
   */
  private static String childText(Element parent, String localName) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName())) {
        return e.getTextContent().trim();
      }
    }
    return "";
  }
}
