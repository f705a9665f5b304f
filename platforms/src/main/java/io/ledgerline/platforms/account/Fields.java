package io.ledgerline.platforms.account;

import io.ledgerline.platforms.http.PlatformCallFailed;
import tools.jackson.databind.JsonNode;

/** Reading the few fields connecting needs from a platform's JSON answer. */
public final class Fields {

  private Fields() {}

  /** The text at {@code path} (numbers as text; digits index arrays), or null where absent. */
  public static String text(JsonNode node, String... path) {
    JsonNode n = node;
    for (String p : path) {
      if (n == null) {
        return null;
      }
      n = n.isArray() && p.matches("\\d+") ? n.get(Integer.parseInt(p)) : n.get(p);
    }
    if (n == null || n.isNull() || n.isContainer()) {
      return null;
    }
    String s = n.asString();
    return s.isBlank() ? null : s;
  }

  /**
   * Like {@link #text}, required.
   *
   * @throws PlatformCallFailed ({@code REJECTED}) naming the missing field, never a value
   */
  public static String required(JsonNode node, String... path) {
    String s = text(node, path);
    if (s == null) {
      throw new PlatformCallFailed(
          PlatformCallFailed.Kind.REJECTED,
          200,
          "the platform's answer has no " + String.join(".", path));
    }
    return s;
  }

  /** The number of elements of the array at {@code path}; 0 where absent. */
  public static int size(JsonNode node, String... path) {
    JsonNode n = node;
    for (String p : path) {
      n = n == null ? null : n.get(p);
    }
    return n == null || !n.isArray() ? 0 : n.size();
  }

  /**
   * The mapper platform API code writes request bodies with: loaded on first use, so the platforms'
   * registry (and {@code verify-webhook}, which runs on this module's classes alone) never needs
   * Jackson to start.
   */
  public static tools.jackson.databind.json.JsonMapper json() {
    return Mapper.JSON;
  }

  private static final class Mapper {
    static final tools.jackson.databind.json.JsonMapper JSON =
        tools.jackson.databind.json.JsonMapper.builder().build();
  }

  /** {@code value}, required in settings or facts. */
  public static String need(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the connection does not name its " + what);
    }
    return value;
  }
}
