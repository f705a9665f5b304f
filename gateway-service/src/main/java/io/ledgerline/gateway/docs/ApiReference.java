package io.ledgerline.gateway.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The platform's API reference: the services' checked-in OpenAPI documents ({@code docs/api/},
 * packaged into the gateway at build time) merged into one, with only what the gateway routes to
 * the public: {@code /api/**}, {@code /oauth2/token} and {@code /oauth2/jwks}, {@code /webhooks/**}
 * and the operators' {@code /admin/**}. Each operation keeps its scope, security and problem
 * responses; each is tagged with its service.
 */
@Component
public class ApiReference {

  private static final Logger log = LoggerFactory.getLogger(ApiReference.class);
  static final List<String> PUBLIC_PREFIXES =
      List.of("/api/", "/oauth2/token", "/oauth2/jwks", "/webhooks/", "/admin/");

  private final JsonMapper json = JsonMapper.builder().build();
  private final byte[] document;

  ApiReference() {
    this(load("classpath*:openapi/*.json"));
  }

  ApiReference(List<JsonNode> services) {
    this.document = json.writeValueAsBytes(merge(services));
  }

  /** The merged document as JSON. */
  public byte[] document() {
    return document.clone();
  }

  ObjectNode merge(List<JsonNode> services) {
    ObjectNode merged = json.createObjectNode();
    merged.put("openapi", "3.1.0");
    ObjectNode info = merged.putObject("info");
    info.put("title", "Ledgerline API");
    info.put("version", "v1");
    merged.putArray("servers").addObject().put("url", "/").put("description", "the gateway");
    ObjectNode paths = merged.putObject("paths");
    ObjectNode components = merged.putObject("components");
    for (JsonNode service : services) {
      String name = service.path("info").path("title").asString("service");
      if (!info.has("description")) {
        info.put("description", service.path("info").path("description").asString(""));
      }
      service
          .path("paths")
          .properties()
          .forEach(
              entry -> {
                if (isPublic(entry.getKey())) {
                  ObjectNode item = (ObjectNode) entry.getValue().deepCopy();
                  item.properties()
                      .forEach(
                          op -> {
                            if (op.getValue() instanceof ObjectNode operation) {
                              operation.putArray("x-service").add(name);
                            }
                          });
                  paths.set(entry.getKey(), item);
                }
              });
      service
          .path("components")
          .properties()
          .forEach(
              section -> {
                ObjectNode target =
                    components.has(section.getKey())
                        ? (ObjectNode) components.get(section.getKey())
                        : components.putObject(section.getKey());
                section
                    .getValue()
                    .properties()
                    .forEach(
                        component -> {
                          var existing = target.get(component.getKey());
                          if (existing != null && !existing.equals(component.getValue())) {
                            log.warn(
                                "OpenAPI {} '{}' differs between services; kept the first",
                                section.getKey(),
                                component.getKey());
                            return;
                          }
                          target.set(component.getKey(), component.getValue());
                        });
              });
    }
    return merged;
  }

  static boolean isPublic(String path) {
    return PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
  }

  private static List<JsonNode> load(String pattern) {
    var mapper = JsonMapper.builder().build();
    try {
      Resource[] resources = new PathMatchingResourcePatternResolver().getResources(pattern);
      return Arrays.stream(resources)
          .sorted(Comparator.comparing(Resource::getFilename))
          .map(
              resource -> {
                try (var in = resource.getInputStream()) {
                  return mapper.readTree(in);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
