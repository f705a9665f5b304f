package io.ledgerline.platforms.square;

import io.ledgerline.platforms.DeclaredPlatform;
import io.ledgerline.platforms.connection.SecretRule;
import io.ledgerline.platforms.oauth.OAuth2Spec;

/** Square: POS payments, refunds and orders; full webhooks signed over the notification URL. */
public final class SquarePlatform extends DeclaredPlatform {

  static final String ID = "square";

  public SquarePlatform() {
    super(
        ID,
        "Square",
        Kind.POS,
        SquareVerifier::new,
        new SquareNormalizer(),
        () -> SecretRule.required("the Square subscription's signature key", 16),
        OAuth2Spec.builder(
                "https://connect.squareup.com/oauth2/authorize",
                "https://connect.squareup.com/oauth2/token")
            .scopes(
                " ",
                "MERCHANT_PROFILE_READ",
                "ORDERS_READ",
                "PAYMENTS_READ",
                "CUSTOMERS_READ",
                "ITEMS_READ")
            .pkce()
            .tokenRequest(OAuth2Spec.TokenRequest.JSON)
            .authorizeParameters(java.util.Map.of("session", "false"))
            .build());
  }
}
