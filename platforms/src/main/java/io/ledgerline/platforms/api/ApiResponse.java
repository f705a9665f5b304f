package io.ledgerline.platforms.api;

import io.ledgerline.platforms.normalization.JsonBodies;
import io.ledgerline.platforms.normalization.NormalizationFailed;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * What the platform answered to an {@link ApiRequest}, after the client's retries: platform code
 * sees the final status only.
 *
 * @param headers by lower-case name
 */
public record ApiResponse(int status, Map<String, List<String>> headers, byte[] body) {

  public ApiResponse {
    TreeMap<String, List<String>> lower = new TreeMap<>();
    headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    headers = java.util.Collections.unmodifiableMap(lower);
    body = body.clone();
  }

  public static ApiResponse json(int status, String body) {
    return new ApiResponse(
        status,
        Map.of("content-type", List.of("application/json")),
        body.getBytes(StandardCharsets.UTF_8));
  }

  public boolean ok() {
    return status >= 200 && status < 300;
  }

  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The body as JSON; a body that is not JSON is the platform breaking its contract. */
  public JsonNode json() {
    try {
      return JsonBodies.parse(body);
    } catch (NormalizationFailed e) {
      throw new ApiFailure(status, "the platform answered with a body that is not JSON");
    }
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public String toString() {
    return "ApiResponse[" + status + ", " + body.length + " bytes]";
  }
}
