package io.ledgerline.platform.service.problem;

import java.net.URI;
import java.util.regex.Pattern;

/** The stable {@code type} URIs of the platform's problem details (RFC 9457). */
public final class ProblemTypes {

  /** Where every problem type lives. */
  public static final String BASE = "https://ledgerline.io/problems/";

  private static final Pattern KIND = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private ProblemTypes() {}

  /** The type URI of a problem kind, e.g. {@code of("invalid-request")}. */
  public static URI of(String kind) {
    if (kind == null || !KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException(
          "A problem kind is lower-case words joined by dashes: " + kind);
    }
    return URI.create(BASE + kind);
  }
}
