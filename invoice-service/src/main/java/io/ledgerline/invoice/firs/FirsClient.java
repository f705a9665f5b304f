package io.ledgerline.invoice.firs;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * The FIRS (NRS) MBS API over the JDK HTTP client, with explicit timeouts. Every call carries the
 * tenant's {@code x-api-key}/{@code x-api-secret} (ADR 0015). A 2xx answers its body; a 5xx, a
 * timeout, a connection failure, or a 400/422 whose text says to try again later is {@link
 * Unavailable} (retried); any other 4xx is {@link Refused} with FIRS's {@code error.public_message}
 * and {@code details}.
 */
@Component
class FirsClient {

  /** FIRS could not answer now; the same call may succeed later. */
  static class Unavailable extends RuntimeException {
    Unavailable(String message) {
      super(message);
    }
  }

  /** FIRS refused the request: retrying it unchanged will not help. */
  static class Refused extends RuntimeException {
    final int status;

    Refused(int status, String reasons) {
      super(reasons);
      this.status = status;
    }
  }

  private static final String[] TRANSIENT = {
    "try again later", "temporarily unavailable", "at this time"
  };

  private final HttpClient http;
  private final Duration timeout;
  private final JsonMapper json;

  FirsClient(
      JsonMapper json,
      @Value("${ledgerline.invoice.firs.connect-timeout:PT10S}") Duration connectTimeout,
      @Value("${ledgerline.invoice.firs.timeout:PT30S}") Duration timeout) {
    this.json = json;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  JsonNode post(FirsAccount account, String path, JsonNode body) {
    return send(
        account,
        path,
        "POST",
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
  }

  JsonNode get(FirsAccount account, String path) {
    return send(account, path, "GET", HttpRequest.BodyPublishers.noBody());
  }

  private JsonNode send(
      FirsAccount account, String path, String method, HttpRequest.BodyPublisher body) {
    String base = account.baseUrl().replaceAll("/+$", "");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(timeout)
            .header("x-api-key", account.credentials().apiKey())
            .header("x-api-secret", account.credentials().apiSecret())
            .header("Content-Type", "application/json")
            .header("accept", "*/*")
            .method(method, body)
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new Unavailable(method + " " + path + ": " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable(method + " " + path + ": interrupted");
    }
    int status = response.statusCode();
    JsonNode answer = parse(response.body());
    if (status >= 200 && status < 300) {
      return answer;
    }
    String reasons = reasons(answer, response.body());
    if (status >= 500 || status == 429 || status == 408) {
      throw new Unavailable(method + " " + path + ": HTTP " + status);
    }
    String lower = reasons.toLowerCase(Locale.ROOT);
    if (status == 400 || status == 422) {
      for (String text : TRANSIENT) {
        if (lower.contains(text)) {
          throw new Unavailable(method + " " + path + ": HTTP " + status + " " + reasons);
        }
      }
    }
    throw new Refused(status, reasons);
  }

  private JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return NullNode.getInstance();
    }
    try {
      return json.readTree(body);
    } catch (JacksonException e) {
      return NullNode.getInstance();
    }
  }

  /** FIRS's error envelope: {@code error.public_message} and {@code error.details}. */
  private static String reasons(JsonNode answer, String body) {
    JsonNode error = answer.path("error");
    StringBuilder text = new StringBuilder();
    if (error.hasNonNull("public_message")) {
      text.append(error.get("public_message").asString());
    }
    if (error.hasNonNull("details")) {
      text.append(text.isEmpty() ? "" : ": ").append(error.get("details").asString());
    }
    if (text.isEmpty() && answer.hasNonNull("message")) {
      text.append(answer.get("message").asString());
    }
    if (text.isEmpty()) {
      text.append(body == null || body.isBlank() ? "no reason given" : body);
    }
    return text.length() > 2000 ? text.substring(0, 2000) : text.toString();
  }
}
