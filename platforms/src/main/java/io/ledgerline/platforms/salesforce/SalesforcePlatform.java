package io.ledgerline.platforms.salesforce;

import io.ledgerline.platforms.DeclaredPlatform;
import io.ledgerline.platforms.oauth.OAuth2Spec;

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
        new SalesforceConnectionRules(),
        OAuth2Spec.builder(
                "https://login.salesforce.com/services/oauth2/authorize",
                "https://login.salesforce.com/services/oauth2/token")
            .scopes(" ", "api", "refresh_token")
            .pkce()
            .sandboxHosts(java.util.Map.of("login.salesforce.com", "test.salesforce.com"))
            // the org's own host, and its identity URL (which names the org id)
            .tokenFacts("instance_url", "id")
            .build(),
        SalesforceAccountApi::new,
        // A lambda, not SalesforceApi::new: linking the class would load Jackson, which
        // verify-webhook runs without.
        () -> new SalesforceApi());
  }
}
