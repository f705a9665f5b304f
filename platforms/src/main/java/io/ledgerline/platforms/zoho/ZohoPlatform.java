package io.ledgerline.platforms.zoho;

import io.ledgerline.platforms.DeclaredPlatform;

/** Zoho CRM: CRM deals; thin notifications carrying a token and channel id. */
public final class ZohoPlatform extends DeclaredPlatform {

  static final String ID = "zoho";

  public ZohoPlatform() {
    super(
        ID,
        "Zoho CRM",
        Kind.CRM,
        new ZohoWebhooks(),
        new ZohoNormalizer(),
        new ZohoConnectionRules());
  }
}
