package io.ledgerline.platforms.hubspot;

import io.ledgerline.platforms.DeclaredPlatform;
import io.ledgerline.platforms.connection.SecretRule;

/** HubSpot: CRM deals; thin webhooks signed with the app's client secret (v3). */
public final class HubSpotPlatform extends DeclaredPlatform {

  static final String ID = "hubspot";

  public HubSpotPlatform() {
    super(
        ID,
        "HubSpot",
        Kind.CRM,
        HubSpotVerifier::new,
        new HubSpotNormalizer(),
        () -> SecretRule.required("the HubSpot app's client secret", 16));
  }
}
