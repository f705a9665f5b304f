package io.ledgerline.platforms.salesforce;

import io.ledgerline.platforms.webhook.VerificationSettings;
import io.ledgerline.platforms.webhook.WebhookCredentials;
import io.ledgerline.platforms.webhook.WebhookScheme;
import io.ledgerline.platforms.webhook.WebhookVerifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Outbound Messages are SOAP: XML in, the exact acknowledgement out (else Salesforce retries for 24
 * hours). They authenticate by the organization id (a setting) and an optional IP allow-list.
 */
final class SalesforceWebhooks implements WebhookScheme {

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
    if (secrets.isEmpty() && organizationId != null) {
      // The organization id is what the scheme matches; it is kept as a setting, not a secret.
      builder.secret(organizationId.strip());
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

  @Override
  public Acknowledgement acknowledgement() {
    return new Acknowledgement("text/xml", ACK);
  }
}
