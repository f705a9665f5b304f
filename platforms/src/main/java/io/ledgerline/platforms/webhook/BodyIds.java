package io.ledgerline.platforms.webhook;

import java.util.Map;

/** Event ids read from an already authenticated body: best effort, absent when unreadable. */
public final class BodyIds {

  private BodyIds() {}

  /** A top-level string or number member, or null. */
  public static String member(byte[] body, String name) {
    try {
      return Json.text(Json.parseObject(body), name);
    } catch (MalformedInput e) {
      return null;
    }
  }

  /** {@code outer.inner} as text, or null. */
  @SuppressWarnings("unchecked")
  public static String nested(byte[] body, String outer, String inner) {
    try {
      Object value = Json.parseObject(body).get(outer);
      return value instanceof Map ? Json.text((Map<String, Object>) value, inner) : null;
    } catch (MalformedInput e) {
      return null;
    }
  }
}
