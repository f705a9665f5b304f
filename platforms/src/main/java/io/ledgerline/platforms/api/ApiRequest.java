package io.ledgerline.platforms.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One call to a platform's API, as platform code describes it. The client resolves {@code path}
 * against the connection's API base URL (a path starting with {@code /}) or accepts an absolute URL
 * only on that base's host (Shopify's {@code Link} header, Salesforce's instance), and adds the
 * credentials: platform code never sees a token.
 *
 * @param method {@code GET} or {@code POST}
 * @param path a path with no query, or an absolute URL that may carry its own query
 * @param query parameters in order (names may repeat), added to the path's own
 * @param jsonBody the JSON body of a POST, or null
 * @param headers headers the platform's API reads besides the credentials (Zoho's {@code
 *     If-Modified-Since}); never a credential
 */
public record ApiRequest(
    String method,
    String path,
    List<Map.Entry<String, String>> query,
    @Nullable String jsonBody,
    List<Map.Entry<String, String>> headers) {

  public ApiRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    query = List.copyOf(query);
    headers = List.copyOf(headers);
  }

  public static ApiRequest get(String path) {
    return new ApiRequest("GET", path, List.of(), null, List.of());
  }

  public static ApiRequest post(String path, String jsonBody) {
    return new ApiRequest("POST", path, List.of(), jsonBody, List.of());
  }

  /** This request with one more query parameter. */
  public ApiRequest with(String name, String value) {
    List<Map.Entry<String, String>> more = new ArrayList<>(query);
    more.add(Map.entry(name, value));
    return new ApiRequest(method, path, more, jsonBody, headers);
  }

  /** This request with one more header. */
  public ApiRequest header(String name, String value) {
    List<Map.Entry<String, String>> more = new ArrayList<>(headers);
    more.add(Map.entry(name, value));
    return new ApiRequest(method, path, query, jsonBody, more);
  }

  /** The query string, form-encoded, without the {@code ?}; empty when there is none. */
  public String queryString() {
    return query.stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  /** The path and the query, as a request line would carry them. */
  public String pathAndQuery() {
    String q = queryString();
    if (q.isEmpty()) {
      return path;
    }
    return path + (path.contains("?") ? "&" : "?") + q;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return method + " " + pathAndQuery();
  }
}
