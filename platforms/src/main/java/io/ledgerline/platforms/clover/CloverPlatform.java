package io.ledgerline.platforms.clover;

import io.ledgerline.platforms.DeclaredPlatform;
import io.ledgerline.platforms.connection.SecretRule;
import io.ledgerline.platforms.oauth.OAuth2Spec;

/** Clover: POS orders and payments; thin webhooks with the app's auth code. */
public final class CloverPlatform extends DeclaredPlatform {

  static final String ID = "clover";

  public CloverPlatform() {
    this(spec());
  }

  private CloverPlatform(OAuth2Spec spec) {
    super(
        ID,
        "Clover",
        Kind.POS,
        new CloverWebhooks(),
        new CloverNormalizer(),
        () -> SecretRule.givenLater("the app's auth code from Clover", 8),
        // Clover fixes permissions in the app's settings; the callback names the merchant.
        spec,
        () -> new CloverAccountApi(spec),
        // A lambda, not CloverApi::new: linking the class would load Jackson, which verify-webhook
        // runs without.
        () -> new CloverApi());
  }

  /**
   * The v2 flow of a high-trust app: {@code {client_id, client_secret, code}} as JSON, expiring
   * tokens refreshed at {@code /oauth/v2/refresh} with {@code {client_id, refresh_token}}, each
   * refresh token single use.
   */
  private static OAuth2Spec spec() {
    return OAuth2Spec.builder(
            "https://www.clover.com/oauth/v2/authorize", "https://api.clover.com/oauth/v2/token")
        .tokenRequest(OAuth2Spec.TokenRequest.JSON_CLIENT_CODE)
        .refreshUrl("refresh")
        .callbackParameters("merchant_id", "employee_id")
        .sandboxHosts(
            java.util.Map.of(
                "www.clover.com", "sandbox.dev.clover.com",
                "api.clover.com", "apisandbox.dev.clover.com"))
        // the app's auth code, sent as X-Clover-Auth (LEDGERLINE_CLOVER_WEBHOOK_SECRET)
        .appWebhookSecret(OAuth2Spec.AppWebhookSecret.CONFIGURED)
        .build();
  }
}
