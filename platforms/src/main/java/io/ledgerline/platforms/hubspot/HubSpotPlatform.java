package io.ledgerline.platforms.hubspot;

import io.ledgerline.platforms.DeclaredPlatform;
import io.ledgerline.platforms.connection.SecretRule;
import io.ledgerline.platforms.oauth.OAuth2Spec;

/** HubSpot: CRM deals; thin webhooks signed with the app's client secret (v3). */
public final class HubSpotPlatform extends DeclaredPlatform {

  static final String ID = "hubspot";

  public HubSpotPlatform() {
    super(
        ID,
        "HubSpot",
        Kind.CRM,
        new HubSpotWebhooks(),
        new HubSpotNormalizer(),
        () -> SecretRule.required("the HubSpot app's client secret", 16),
        OAuth2Spec.builder(
                "https://app.hubspot.com/oauth/authorize", "https://api.hubapi.com/oauth/v1/token")
            .scopes(
                " ",
                "crm.objects.deals.read",
                "crm.objects.line_items.read",
                "crm.objects.companies.read",
                "crm.objects.contacts.read")
            .appWebhookSecret(OAuth2Spec.AppWebhookSecret.CLIENT_SECRET)
            .build(),
        HubSpotAccountApi::new,
        // A lambda, not HubSpotApi::new: linking the class would load Jackson, which verify-webhook
        // runs without.
        () -> new HubSpotApi());
  }
}
