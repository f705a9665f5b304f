package io.ledgerline.platforms.lightspeed;

import io.ledgerline.platforms.DeclaredPlatform;

/**
 * Lightspeed Retail (X-Series): register sales; form-encoded webhooks authenticated by a URL token.
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
        new LightspeedConnectionRules());
  }
}
