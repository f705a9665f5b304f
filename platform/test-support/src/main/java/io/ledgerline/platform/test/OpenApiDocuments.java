package io.ledgerline.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.platform.embedded.ProjectLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@code docs/api/<service>.json} equal to what the running service serves at {@code
 * /v3/api-docs}: a test of each service fails when code and document drift apart. With {@code
 * -Dledgerline.openapi.write=true} it writes the document instead (docs/api/README.md says how).
 */
public final class OpenApiDocuments {

  public static final String WRITE = "ledgerline.openapi.write";
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
          .build();

  private OpenApiDocuments() {}

  /** The checked-in document of {@code service}, e.g. {@code docs/api/apikey-service.json}. */
  public static Path document(String service) {
    return ProjectLayout.current().root().resolve("docs/api").resolve(service + ".json");
  }

  /**
   * Fails unless the service on {@code port} serves the checked-in document (or writes it, with
   * {@code -Dledgerline.openapi.write=true}).
   */
  public static void assertUpToDate(String service, int port) {
    String served = normalized(fetch(port));
    Path file = document(service);
    try {
      if (Boolean.getBoolean(WRITE)) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, served, StandardCharsets.UTF_8);
        return;
      }
      String checkedIn = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
      assertThat(served)
          .as(
              "%s differs from what %s serves. If the API change is intended, regenerate the"
                  + " documents: see docs/api/README.md",
              file, service)
          .isEqualTo(checkedIn);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fetch(int port) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                      .timeout(Duration.ofSeconds(30))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sorted keys, two-space indent, one final newline: a stable text for git diffs. */
  static String normalized(String json) {
    JsonNode tree = JSON.readTree(json);
    return JSON.writeValueAsString(tree) + "\n";
  }
}
