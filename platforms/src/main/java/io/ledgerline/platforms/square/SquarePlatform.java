package io.ledgerline.platforms.square;

import io.ledgerline.platforms.DeclaredPlatform;
import io.ledgerline.platforms.connection.SecretRule;
import io.ledgerline.platforms.oauth.OAuth2Spec;

/** Square: POS payments, refunds and orders; full webhooks signed over the notification URL. */
public final class SquarePlatform extends DeclaredPlatform {

  static final String ID = "square";

  public SquarePlatform() {
    this(spec());
  }

  private SquarePlatform(OAuth2Spec spec) {
    super(
        ID,
        "Square",
        Kind.POS,
        new SquareWebhooks(),
        new SquareNormalizer(),
        () -> SecretRule.required("the Square subscription's signature key", 16),
        spec,
        () -> new SquareAccountApi(spec),
        // A lambda, not SquareApi::new: linking the class would load Jackson, which verify-webhook
        // runs without.
        () -> new SquareApi());
  }

  /**
   * The code flow of a confidential app: client secret in the JSON token request, no PKCE (Square's
   * PKCE flow is for public clients and replaces the secret; its refresh tokens are single-use).
   */
  private static OAuth2Spec spec() {
    return OAuth2Spec.builder(
            "https://connect.squareup.com/oauth2/authorize",
            "https://connect.squareup.com/oauth2/token")
        .scopes(
            " ",
            "MERCHANT_PROFILE_READ",
            "ORDERS_READ",
            "PAYMENTS_READ",
            "CUSTOMERS_READ",
            "ITEMS_READ")
        .tokenRequest(OAuth2Spec.TokenRequest.JSON)
        .authorizeParameters(java.util.Map.of("session", "false"))
        .sandboxHosts(java.util.Map.of("connect.squareup.com", "connect.squareupsandbox.com"))
        .tokenFacts("merchant_id")
        // the app's webhook subscription's signature key (LEDGERLINE_SQUARE_WEBHOOK_SECRET)
        .appWebhookSecret(OAuth2Spec.AppWebhookSecret.CONFIGURED)
        .build();
  }
}
