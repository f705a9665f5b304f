package io.ledgerline.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** JSON over HTTP for the launcher's own calls to the platform, as an operator or a tenant. */
final class JsonHttp {

  static final ObjectMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Sends and reads the JSON answer; any other status than {@code expectedStatus} throws. */
  JsonNode send(HttpRequest.Builder request, int expectedStatus)
      throws IOException, InterruptedException {
    HttpResponse<String> response = exchange(request);
    if (response.statusCode() != expectedStatus) {
      throw new IllegalStateException(
          response.request().method()
              + " "
              + response.request().uri().getPath()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return JSON.readTree(response.body());
  }

  HttpResponse<String> exchange(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(
        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** An operator's token (scope {@code admin}) from apikey-service, client credentials. */
  String adminToken(String apikeyUrl, Secrets secrets) throws IOException, InterruptedException {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                ("admin:" + secrets.adminClientSecret()).getBytes(StandardCharsets.UTF_8));
    JsonNode token =
        send(
            HttpRequest.newBuilder(URI.create(apikeyUrl + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&scope=admin")),
            200);
    return token.get("access_token").asString();
  }

  static HttpRequest.BodyPublisher body(Object value) {
    return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(value));
  }
}
