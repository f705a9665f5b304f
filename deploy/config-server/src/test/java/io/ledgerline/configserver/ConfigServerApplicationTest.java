package io.ledgerline.configserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "ledgerline.config-server.repository=classpath:/test-config-repo/")
class ConfigServerApplicationTest {

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void servesTheSharedAndTheServiceFileWithPlaceholdersLeftForTheClient() throws Exception {
    String body = get("/sample-service/default");

    assertThat(body)
        .contains("hello from the shared file")
        .contains("sample-service")
        .contains("${LEDGERLINE_KAFKA_BOOTSTRAP:localhost:19092}");
  }

  @Test
  void reportsHealthForReadinessChecks() throws Exception {
    assertThat(get("/actuator/health")).contains("\"UP\"");
  }

  private String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
