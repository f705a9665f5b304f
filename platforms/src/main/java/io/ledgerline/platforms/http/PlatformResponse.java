package io.ledgerline.platforms.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A platform's answer. Its body may hold tokens: {@link #toString()} never shows it. */
public final class PlatformResponse {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final int status;
  private final Map<String, List<String>> headers;
  private final byte[] body;

  public PlatformResponse(int status, Map<String, List<String>> headers, byte[] body) {
    this.status = status;
    TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
    this.headers = h;
    this.body = body == null ? new byte[0] : body;
  }

  /** Every header, as received (the object API reads {@code Link} and rate-limit headers). */
  public Map<String, List<String>> headers() {
    return headers;
  }

  public int status() {
    return status;
  }

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** The first value of a header, case-insensitive. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public byte[] body() {
    return body.clone();
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * The body as JSON.
   *
   * @throws PlatformCallFailed ({@link PlatformCallFailed.Kind#REJECTED}) when it is not JSON
   */
  public JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      throw new PlatformCallFailed(
          PlatformCallFailed.Kind.REJECTED,
          status,
          "the platform answered " + status + " without JSON");
    }
  }

  /**
   * This response, when 2xx.
   *
   * @throws PlatformCallFailed of the kind its status means
   */
  public PlatformResponse requireSuccess() {
    if (isSuccess()) {
      return this;
    }
    PlatformCallFailed.Kind kind =
        status == 401 || status == 403
            ? PlatformCallFailed.Kind.UNAUTHORIZED
            : status == 429
                ? PlatformCallFailed.Kind.RATE_LIMITED
                : status >= 500
                    ? PlatformCallFailed.Kind.UNAVAILABLE
                    : PlatformCallFailed.Kind.REJECTED;
    throw new PlatformCallFailed(kind, status, "the platform answered " + status);
  }

  @Override
  public String toString() {
    return "PlatformResponse[status=" + status + ", body=" + body.length + " bytes]";
  }
}
