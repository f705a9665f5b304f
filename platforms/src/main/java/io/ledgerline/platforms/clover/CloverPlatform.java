package io.ledgerline.platforms.clover;

import io.ledgerline.platforms.DeclaredPlatform;
import io.ledgerline.platforms.connection.SecretRule;
import io.ledgerline.platforms.oauth.OAuth2Spec;

/** Clover: POS orders and payments; thin webhooks with the app's auth code. */
public final class CloverPlatform extends DeclaredPlatform {

  static final String ID = "clover";

  public CloverPlatform() {
    super(
        ID,
        "Clover",
        Kind.POS,
        CloverVerifier::new,
        new CloverNormalizer(),
        () -> SecretRule.givenLater("the app's auth code from Clover", 8),
        // Clover fixes permissions in the app's settings; the callback names the merchant.
        OAuth2Spec.builder(
                "https://www.clover.com/oauth/v2/authorize",
                "https://api.clover.com/oauth/v2/token")
            .tokenRequest(OAuth2Spec.TokenRequest.JSON)
            .callbackParameters("merchant_id", "employee_id")
            .build());
  }
}
