package io.ledgerline.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.FileSystemResource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Interim stand-in for platform/test-support's config server (not yet available): serves
 * deploy/config-repo/gateway-service.yml in the config server's JSON format.
 */
abstract class GatewayTestConfiguration {

  private static final WireMockServer configServer = new WireMockServer(options().dynamicPort());

  static {
    configServer.start();
    configServer.stubFor(
        get(urlPathMatching("/gateway-service/.*")).willReturn(okJson(environmentJson())));
    // Read while the environment is prepared, before any @DynamicPropertySource exists.
    System.setProperty("LEDGERLINE_CONFIG_URL", configServer.baseUrl());
  }

  private static String environmentJson() {
    try {
      List<Map<String, Object>> propertySources = new ArrayList<>();
      // The service's own file first: it wins over the shared one, as at the real config server.
      for (var file : List.of("gateway-service.yml", "application.yml")) {
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
                  "gateway-service",
                  "profiles",
                  List.of("default"),
                  "propertySources",
                  propertySources));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
