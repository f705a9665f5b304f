package io.ledgerline.platforms.salesforce;

import io.ledgerline.platforms.DeclaredPlatform;

/** Salesforce: CRM opportunities; thin Outbound Messages (SOAP) matched by organization id. */
public final class SalesforcePlatform extends DeclaredPlatform {

  static final String ID = "salesforce";

  public SalesforcePlatform() {
    super(
        ID,
        "Salesforce",
        Kind.CRM,
        new SalesforceWebhooks(),
        new SalesforceNormalizer(),
        new SalesforceConnectionRules());
  }
}
