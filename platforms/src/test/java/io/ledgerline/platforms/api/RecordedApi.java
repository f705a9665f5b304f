package io.ledgerline.platforms.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A platform's API played from recorded responses (fixtures written from the platform's documented
 * shapes), with every request it received kept for assertions. Unmatched requests answer 404, as an
 * unknown route would.
 */
public final class RecordedApi implements ApiClient {

  private record Route(String method, Predicate<ApiRequest> matches, ApiResponse response) {}

  private final Class<?> fixturesOf;
  private final List<Route> routes = new ArrayList<>();
  private final List<ApiRequest> received = new ArrayList<>();

  /** Fixtures are resources beside {@code fixturesOf} (the platform's test package). */
  public RecordedApi(Class<?> fixturesOf) {
    this.fixturesOf = fixturesOf;
  }

  /** Answers requests whose path (without query) equals {@code path} with a fixture's JSON. */
  public RecordedApi on(String method, String path, String fixture) {
    return on(method, r -> r.path().equals(path), 200, fixture);
  }

  /** Answers requests whose path and JSON body contains {@code bodyPart}. */
  public RecordedApi on(String method, String path, String bodyPart, String fixture) {
    return on(
        method,
        r -> r.path().equals(path) && r.jsonBody() != null && r.jsonBody().contains(bodyPart),
        200,
        fixture);
  }

  public RecordedApi on(String method, Predicate<ApiRequest> matches, int status, String fixture) {
    routes.add(new Route(method, matches, ApiResponse.json(status, read(fixture))));
    return this;
  }

  public RecordedApi status(String method, String path, int status) {
    routes.add(
        new Route(
            method,
            r -> r.path().equals(path),
            new ApiResponse(status, Map.of(), "{}".getBytes(StandardCharsets.UTF_8))));
    return this;
  }

  @Override
  public ApiResponse send(ApiRequest request) {
    received.add(request);
    for (Route route : routes) {
      if (route.method().equals(request.method()) && route.matches().test(request)) {
        return route.response();
      }
    }
    return ApiResponse.json(404, "{\"status\":\"error\",\"message\":\"not found\"}");
  }

  public List<ApiRequest> received() {
    return List.copyOf(received);
  }

  public String read(String fixture) {
    try (InputStream in = fixturesOf.getResourceAsStream(fixture)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + fixture + " beside " + fixturesOf);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
