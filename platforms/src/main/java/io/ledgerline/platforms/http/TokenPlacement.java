package io.ledgerline.platforms.http;

import java.util.Objects;

/**
 * Where a platform wants the access token: most want {@code Authorization: Bearer <token>}, some a
 * header of their own (Shopify's {@code X-Shopify-Access-Token}) or another prefix (Zoho's {@code
 * Zoho-oauthtoken}). Each platform declares its own.
 *
 * @param prefix put before the token, e.g. {@code "Bearer "}; empty for none
 */
public record TokenPlacement(String header, String prefix) {

  public TokenPlacement {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(prefix, "prefix");
  }

  public static TokenPlacement bearer() {
    return new TokenPlacement("Authorization", "Bearer ");
  }

  public static TokenPlacement header(String name) {
    return new TokenPlacement(name, "");
  }

  public static TokenPlacement authorization(String scheme) {
    return new TokenPlacement("Authorization", scheme + " ");
  }

  String value(String token) {
    return prefix + token;
  }
}
