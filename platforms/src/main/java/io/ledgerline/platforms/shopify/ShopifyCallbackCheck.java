package io.ledgerline.platforms.shopify;

import io.ledgerline.platforms.oauth.CallbackCheck;
import io.ledgerline.platforms.oauth.InvalidCallback;
import io.ledgerline.platforms.oauth.OAuth2App;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Shopify signs the callback's query: {@code hmac} is the hex HMAC-SHA256, with the app's client
 * secret, of every other parameter sorted by name and joined as {@code name=value&...}. The {@code
 * shop} must be the connection's own shop, so a code from another shop is never exchanged.
 */
final class ShopifyCallbackCheck implements CallbackCheck {

  @Override
  public void check(Map<String, String> query, OAuth2App app, Map<String, String> settings) {
    String hmac = query.get("hmac");
    if (hmac == null || app.clientSecret() == null) {
      throw new InvalidCallback("the Shopify callback is not signed (no hmac)");
    }
    TreeMap<String, String> signed = new TreeMap<>(query);
    signed.remove("hmac");
    signed.remove("signature");
    String message =
        signed.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("&"));
    byte[] expected = hmacSha256(app.clientSecret(), message);
    byte[] given;
    try {
      given = HexFormat.of().parseHex(hmac.toLowerCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidCallback("the Shopify callback's hmac is not hex");
    }
    if (!MessageDigest.isEqual(expected, given)) {
      throw new InvalidCallback("the Shopify callback's hmac does not match");
    }
    String shop = query.get("shop");
    if (shop == null || !shop.equals(settings.get(ShopifyConnectionRules.SHOP_DOMAIN))) {
      throw new InvalidCallback("the Shopify callback names another shop than the connection's");
    }
  }

  static byte[] hmacSha256(String key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
