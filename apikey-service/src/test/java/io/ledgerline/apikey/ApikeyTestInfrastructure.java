package io.ledgerline.apikey;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.FileSystemResource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Interim until platform/test-support lands: one real PostgreSQL per test JVM (zonky), and a
 * stand-in config server serving deploy/config-repo/apikey-service.yml in the config server's JSON
 * format.
 */
abstract class ApikeyTestInfrastructure {

  static final EmbeddedPostgres postgres;
  private static final WireMockServer configServer = new WireMockServer(options().dynamicPort());

  static {
    try {
      postgres = EmbeddedPostgres.builder().start();
      try (var connection = postgres.getPostgresDatabase().getConnection();
          var statement = connection.createStatement()) {
        statement.execute("create database apikey_service");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    configServer.start();
    configServer.stubFor(
        get(urlPathMatching("/apikey-service/.*")).willReturn(okJson(environmentJson())));
    // Read while the environment is prepared, before any @DynamicPropertySource exists.
    System.setProperty("LEDGERLINE_CONFIG_URL", configServer.baseUrl());
    System.setProperty(
        "LEDGERLINE_POSTGRES_URL", "jdbc:postgresql://localhost:" + postgres.getPort());
  }

  private static String environmentJson() {
    try {
      List<Map<String, Object>> propertySources = new ArrayList<>();
      // The service's own file first: it wins over the shared one, as at the real config server.
      for (var file : List.of("apikey-service.yml", "application.yml")) {
        var sources =
            new YamlPropertySourceLoader()
                .load(file, new FileSystemResource("../deploy/config-repo/" + file));
        Map<String, Object> flat = new LinkedHashMap<>();
        for (var source : sources) {
          var enumerable = (EnumerablePropertySource<?>) source;
          for (var name : enumerable.getPropertyNames()) {
            flat.put(name, String.valueOf(enumerable.getProperty(name)));
          }
        }
        propertySources.add(Map.of("name", file, "source", flat));
      }
      return JsonMapper.builder()
          .build()
          .writeValueAsString(
              Map.of(
                  "name",
                  "apikey-service",
                  "profiles",
                  List.of("default"),
                  "propertySources",
                  propertySources));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
