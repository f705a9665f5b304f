package io.ledgerline.platforms.oauth;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What a token endpoint issued. Platforms differ in how they say when the access token expires (RFC
 * 6749's {@code expires_in}; Square's ISO {@code expires_at}; Clover's epoch {@code
 * access_token_expiration}; Lightspeed's epoch {@code expires}; Salesforce says nothing): {@link
 * #parse} reads each. Many omit {@code token_type}, which is why Nimbus's strict parser is not used
 * here (ADR 0005).
 *
 * @param refreshToken null where none was issued (or a refresh did not rotate it)
 * @param expiresAt null where the platform does not say
 * @param facts the spec's {@link OAuth2Spec#tokenFacts()} found in the response
 */
public record Tokens(
    String accessToken,
    String refreshToken,
    Instant expiresAt,
    String scope,
    Map<String, String> facts) {

  public Tokens {
    facts = Map.copyOf(facts);
  }

  /**
   * @throws TokenRefused ({@code invalid_response}) when there is no access token
   */
  public static Tokens parse(JsonNode body, OAuth2Spec spec, Instant now) {
    String access = text(body, "access_token");
    if (access == null) {
      throw new TokenRefused("invalid_response", 200);
    }
    Map<String, String> facts = new LinkedHashMap<>();
    for (String name : spec.tokenFacts()) {
      String value = text(body, name);
      if (value != null) {
        facts.put(name, value);
      }
    }
    return new Tokens(
        access, text(body, "refresh_token"), expiry(body, now), text(body, "scope"), facts);
  }

  private static Instant expiry(JsonNode body, Instant now) {
    Long in = number(body, "expires_in");
    if (in != null) {
      return now.plusSeconds(in);
    }
    String at = text(body, "expires_at");
    if (at != null) {
      try {
        return Instant.parse(at);
      } catch (DateTimeParseException e) {
        // fall through: an unreadable expiry is an unknown one
      }
    }
    Long epoch = number(body, "access_token_expiration");
    if (epoch == null) {
      epoch = number(body, "expires");
    }
    return epoch == null ? null : Instant.ofEpochSecond(epoch);
  }

  private static String text(JsonNode body, String name) {
    JsonNode v = body.get(name);
    if (v == null || v.isNull() || v.isContainer()) {
      return null;
    }
    String s = v.asString();
    return s.isBlank() ? null : s;
  }

  private static Long number(JsonNode body, String name) {
    JsonNode v = body.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return v.asLong();
    }
    try {
      return Long.parseLong(v.asString().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "Tokens[accessToken=***, refreshToken="
        + (refreshToken == null ? "none" : "***")
        + ", expiresAt="
        + expiresAt
        + ", facts="
        + facts.keySet()
        + "]";
  }
}
