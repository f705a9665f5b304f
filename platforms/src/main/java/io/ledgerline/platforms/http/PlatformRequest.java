package io.ledgerline.platforms.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One call to a platform. Immutable; built with {@link #get(URI)}, {@link #post(URI)}, {@link
 * #delete(URI)} or {@link #builder(String, URI)}.
 *
 * <p>Whether a call is retried after a 5xx answer or a timeout: GET, PUT, DELETE and HEAD are; POST
 * only when marked {@link Builder#retryable(boolean) retryable} (a token request that reached the
 * platform may have consumed the code or rotated the refresh token). A 429 is always retried: the
 * platform did not act on it.
 */
public final class PlatformRequest {

  private final String method;
  private final URI uri;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final String budgetKey;
  private final AccessTokens tokens;
  private final TokenPlacement placement;
  private final boolean retryable;
  private final Duration timeout;
  private final String description;

  private PlatformRequest(Builder b) {
    this.method = b.method;
    this.uri = b.uri;
    this.headers = Map.copyOf(b.headers);
    this.body = b.body;
    this.budgetKey = b.budgetKey;
    this.tokens = b.tokens;
    this.placement = b.placement;
    this.retryable = b.retryable != null ? b.retryable : !"POST".equals(b.method);
    this.timeout = b.timeout;
    this.description = b.description;
  }

  public static Builder get(URI uri) {
    return builder("GET", uri);
  }

  public static Builder post(URI uri) {
    return builder("POST", uri);
  }

  public static Builder delete(URI uri) {
    return builder("DELETE", uri);
  }

  public static Builder builder(String method, URI uri) {
    return new Builder(method, uri);
  }

  public String method() {
    return method;
  }

  public URI uri() {
    return uri;
  }

  /** The headers besides the token's. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** Null for none. */
  public byte[] body() {
    return body;
  }

  /** The rate budget this call spends (a connection id); null: none. */
  public String budgetKey() {
    return budgetKey;
  }

  public AccessTokens tokens() {
    return tokens;
  }

  public TokenPlacement placement() {
    return placement;
  }

  public boolean retryable() {
    return retryable;
  }

  /** Null: the client's default. */
  public Duration timeout() {
    return timeout;
  }

  /** Method and URL without the query (it may hold a credential); never a header or the body. */
  @Override
  public String toString() {
    if (description != null) {
      return "PlatformRequest[" + method + " " + uri.getRawAuthority() + " " + description + "]";
    }
    return "PlatformRequest["
        + method
        + " "
        + uri.getScheme()
        + "://"
        + uri.getRawAuthority()
        + uri.getRawPath()
        + "]";
  }

  public static final class Builder {
    private final String method;
    private final URI uri;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private byte[] body;
    private String budgetKey;
    private AccessTokens tokens;
    private TokenPlacement placement = TokenPlacement.bearer();
    private Boolean retryable;
    private Duration timeout;
    private String description;

    private Builder(String method, URI uri) {
      this.method = Objects.requireNonNull(method, "method");
      this.uri = Objects.requireNonNull(uri, "uri");
    }

    public Builder header(String name, String value) {
      headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      return this;
    }

    public Builder body(String contentType, byte[] body) {
      header("Content-Type", contentType);
      this.body = body.clone();
      return this;
    }

    /** An {@code application/x-www-form-urlencoded} body, in the map's order. */
    public Builder form(Map<String, String> fields) {
      String encoded =
          fields.entrySet().stream()
              .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
              .collect(Collectors.joining("&"));
      return body("application/x-www-form-urlencoded", encoded.getBytes(StandardCharsets.UTF_8));
    }

    public Builder json(String json) {
      return body("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public Builder budget(String key) {
      this.budgetKey = key;
      return this;
    }

    /** Sends {@code tokens.current()} as {@code placement} says, and asks again once on a 401. */
    public Builder auth(AccessTokens tokens, TokenPlacement placement) {
      this.tokens = Objects.requireNonNull(tokens, "tokens");
      this.placement = Objects.requireNonNull(placement, "placement");
      return this;
    }

    public Builder retryable(boolean retryable) {
      this.retryable = retryable;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /**
     * What {@link #toString()} shows instead of the path, where the path holds a credential
     * (HubSpot names the refresh token to revoke in it).
     */
    public Builder describedAs(String description) {
      this.description = description;
      return this;
    }

    public PlatformRequest build() {
      return new PlatformRequest(this);
    }

    private static String encode(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
  }
}
