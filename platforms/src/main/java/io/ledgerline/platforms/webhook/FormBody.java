package io.ledgerline.platforms.webhook;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code application/x-www-form-urlencoded} fields (also used for URL query strings). */
public final class FormBody {

  private FormBody() {}

  /** First value of each name; MalformedInput on a bad percent escape. */
  public static Map<String, String> parse(String encoded) throws MalformedInput {
    Map<String, String> fields = new LinkedHashMap<>();
    if (encoded.isEmpty()) {
      return fields;
    }
    for (String pair : encoded.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      fields.putIfAbsent(decode(name), decode(value));
    }
    return fields;
  }

  private static String decode(String s) throws MalformedInput {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new MalformedInput("bad percent escape in form data");
    }
  }
}
