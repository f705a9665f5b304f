package io.ledgerline.platforms.lightspeed;

import io.ledgerline.platforms.DeclaredPlatform;
import io.ledgerline.platforms.oauth.OAuth2Spec;

/**
 * Lightspeed Retail (X-Series): register sales; form-encoded webhooks authenticated by a URL token
 * (delivery not guaranteed), and a pull of the API 2.0 sales feed by version.
 */
public final class LightspeedPlatform extends DeclaredPlatform {

  static final String ID = "lightspeed";

  public LightspeedPlatform() {
    super(
        ID,
        "Lightspeed Retail",
        Kind.POS,
        new LightspeedWebhooks(),
        new LightspeedNormalizer(),
        new LightspeedConnectionRules(),
        // The callback names the store (domain_prefix), whose host exchanges the code.
        OAuth2Spec.builder(
                "https://secure.retail.lightspeed.app/connect",
                "https://{domain_prefix}.retail.lightspeed.app/api/1.0/token")
            .callbackParameters("domain_prefix")
            .tokenFacts("domain_prefix")
            .build(),
        LightspeedAccountApi::new,
        // A lambda, not LightspeedApi::new: linking the class would load Jackson, which
        // verify-webhook runs without.
        () -> new LightspeedApi());
  }
}
