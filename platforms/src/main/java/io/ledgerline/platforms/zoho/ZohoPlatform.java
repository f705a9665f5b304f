package io.ledgerline.platforms.zoho;

import io.ledgerline.platforms.DeclaredPlatform;
import io.ledgerline.platforms.oauth.OAuth2Spec;

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
        new ZohoConnectionRules(),
        // The callback names the account's data centre (accounts-server): the code is exchanged
        // there.
        OAuth2Spec.builder(
                "https://accounts.zoho.com/oauth/v2/auth", "{accounts-server}/oauth/v2/token")
            .scopes(
                ",",
                "ZohoCRM.modules.deals.READ",
                "ZohoCRM.modules.contacts.READ",
                "ZohoCRM.modules.accounts.READ",
                "ZohoCRM.modules.products.READ",
                "ZohoCRM.org.READ")
            .authorizeParameters(java.util.Map.of("access_type", "offline", "prompt", "consent"))
            .callbackParameters("accounts-server", "location")
            // the data centre's API host (https://www.zohoapis.<dc>)
            .tokenFacts("api_domain")
            // Zoho throttles refreshes (ten access tokens per refresh token in ten minutes) with a
            // 400 {"error": "Access Denied", "error_description": "You have made too many requests
            // continuously..."}: the grant is fine, ask again later. A revoked refresh token is a
            // 200 {"error": "invalid_code"}, which is final.
            .transientTokenErrors("Access Denied")
            .build(),
        // A lambda, not ZohoAccountApi::new: linking the class would load Jackson, which
        // verify-webhook runs without.
        () -> new ZohoAccountApi(),
        // A lambda, not ZohoApi::new: linking the class would load Jackson, which verify-webhook
        // runs without.
        () -> new ZohoApi());
  }
}
