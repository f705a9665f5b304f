package io.ledgerline.platforms.pipedrive;

import io.ledgerline.platforms.DeclaredPlatform;
import io.ledgerline.platforms.oauth.OAuth2Spec;

/**
 * Pipedrive: CRM deals; full webhooks (v2) behind HTTP Basic auth; a won deal is fetched with its
 * products, person and organization (v2 API).
 */
public final class PipedrivePlatform extends DeclaredPlatform {

  static final String ID = "pipedrive";

  public PipedrivePlatform() {
    super(
        ID,
        "Pipedrive",
        Kind.CRM,
        new PipedriveWebhooks(),
        new PipedriveNormalizer(),
        new PipedriveConnectionRules(),
        // Pipedrive fixes the scopes in the app's settings (deals:read, contacts:read,
        // products:read),
        // not in the URL; it authenticates the token request with HTTP Basic.
        OAuth2Spec.builder(
                "https://oauth.pipedrive.com/oauth/authorize",
                "https://oauth.pipedrive.com/oauth/token")
            .tokenRequest(OAuth2Spec.TokenRequest.FORM_CLIENT_SECRET_BASIC)
            // the company's own API host (https://<company>.pipedrive.com)
            .tokenFacts("api_domain")
            .build(),
        PipedriveAccountApi::new,
        // A lambda, not PipedriveApi::new: linking the class would load Jackson, which
        // verify-webhook runs without.
        () -> new PipedriveApi());
  }
}
