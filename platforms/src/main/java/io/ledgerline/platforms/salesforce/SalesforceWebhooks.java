package io.ledgerline.platforms.salesforce;

import io.ledgerline.platforms.webhook.UrlToken;
import io.ledgerline.platforms.webhook.VerificationSettings;
import io.ledgerline.platforms.webhook.WebhookCredentials;
import io.ledgerline.platforms.webhook.WebhookScheme;
import io.ledgerline.platforms.webhook.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Outbound Messages are SOAP: XML in, the exact acknowledgement out (else Salesforce retries for 24
 * hours). They authenticate by the connection's URL token; the organization id (a public setting)
 * must match, and the sender must be in the optional IP allow-list.
 */
final class SalesforceWebhooks implements WebhookScheme {

  /**
   * An outbound message may carry a live API session ({@code <SessionId>}, when the message is set
   * to send one): a bearer credential for the org, never stored. Any namespace prefix, any
   * attributes; an empty or nil one stays as it is.
   */
  private static final Pattern SESSION_ID =
      Pattern.compile(
          "(<(?:[A-Za-z_][\\w.-]*:)?SessionId(?:\\s[^>]*)?>)([^<]+)(</(?:[A-Za-z_][\\w.-]*:)?SessionId\\s*>)");

  static final String ACK =
      """
      <?xml version="1.0" encoding="UTF-8"?>\
      <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">\
      <soapenv:Body><notificationsResponse xmlns="http://soap.sforce.com/2005/09/outbound">\
      <Ack>true</Ack></notificationsResponse></soapenv:Body></soapenv:Envelope>""";

  @Override
  public WebhookVerifier verifier(VerificationSettings settings) {
    return new SalesforceVerifier(settings);
  }

  @Override
  public List<String> contentTypes() {
    return List.of("text/xml", "application/xml");
  }

  @Override
  public WebhookCredentials credentials(
      Map<String, String> settings,
      List<WebhookCredentials.Secret> secrets,
      String notificationUrl) {
    WebhookCredentials.Builder builder =
        WebhookCredentials.builder().secrets(secrets).notificationUrl(notificationUrl);
    String organizationId = settings.get(SalesforceConnectionRules.ORGANIZATION_ID);
    if (organizationId != null) {
      builder.accountId(organizationId.strip());
    }
    String allowed = settings.get(SalesforceConnectionRules.ALLOWED_SOURCE_IPS);
    if (allowed != null) {
      Arrays.stream(allowed.split(","))
          .map(String::strip)
          .filter(ip -> !ip.isEmpty())
          .forEach(builder::allowedSourceIp);
    }
    return builder.build();
  }

  /** The token rides in the query the request arrived with. */
  @Override
  public String verifiedUrl(String notificationUrl, String receivedQuery) {
    return UrlToken.verifiedUrl(notificationUrl, receivedQuery);
  }

  @Override
  public Acknowledgement acknowledgement() {
    return new Acknowledgement("text/xml", ACK);
  }

  /** The body without the session id it may carry. */
  @Override
  public byte[] storableBody(byte[] body, WebhookCredentials credentials) {
    String text = new String(body, StandardCharsets.UTF_8);
    String redacted = SESSION_ID.matcher(text).replaceAll("$1" + REDACTED + "$3");
    return redacted.equals(text) ? body : redacted.getBytes(StandardCharsets.UTF_8);
  }
}
