package io.ledgerline.platforms.http;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The hosts Ledgerline may call: the configured platform hosts only, so a setting, a callback
 * parameter or a token response can never send a token (or a request) elsewhere. A pattern is a
 * host ({@code api.hubapi.com}), a host and port ({@code localhost:9090}), or a wildcard for one
 * label or more on the left ({@code *.myshopify.com}).
 */
public final class AllowedHosts {

  private final List<String> patterns;

  private AllowedHosts(List<String> patterns) {
    this.patterns = patterns;
  }

  public static AllowedHosts of(List<String> patterns) {
    return new AllowedHosts(
        patterns.stream()
            .map(p -> Objects.requireNonNull(p, "pattern").trim().toLowerCase(Locale.ROOT))
            .filter(p -> !p.isEmpty())
            .distinct()
            .toList());
  }

  /** The host (and port, when not the scheme's default) of a configured URL, as a pattern. */
  public static String patternOf(String url) {
    URI uri = URI.create(url);
    String host = uri.getHost();
    if (host == null) {
      // A template such as https://{shop}/admin: its host is per account, the caller adds a
      // wildcard
      throw new IllegalArgumentException("no host in " + url);
    }
    return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
  }

  public boolean allows(URI uri) {
    if (uri.getHost() == null
        || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
      return false;
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    String hostPort = uri.getPort() < 0 ? host : host + ":" + uri.getPort();
    for (String pattern : patterns) {
      if (matches(pattern, pattern.contains(":") ? hostPort : host)
          && (pattern.contains(":") || uri.getPort() < 0 || isLoopback(host))) {
        return true;
      }
    }
    return false;
  }

  /** A configured loopback host (a sandbox, a test server) may be called on any port. */
  private static boolean isLoopback(String host) {
    return "localhost".equals(host) || host.startsWith("127.");
  }

  private static boolean matches(String pattern, String candidate) {
    if (pattern.startsWith("*.")) {
      String suffix = pattern.substring(1);
      return candidate.endsWith(suffix) && candidate.length() > suffix.length();
    }
    return pattern.equals(candidate);
  }

  public List<String> patterns() {
    return patterns;
  }

  @Override
  public String toString() {
    return "AllowedHosts" + patterns;
  }
}
