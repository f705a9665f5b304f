package io.ledgerline.helm;

import java.util.List;
import java.util.Map;

/** Reading parsed manifests by dotted paths, without a Kubernetes model. */
final class Yamls {

  private Yamls() {}

  static Object get(Object node, String path) {
    Object current = node;
    for (String part : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(part);
    }
    return current;
  }

  static String string(Object node, String path) {
    Object value = get(node, path);
    return value == null ? null : value.toString();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node, String path) {
    Object value = get(node, path);
    return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object node, String path) {
    Object value = get(node, path);
    return value instanceof List<?> ? (List<Map<String, Object>>) value : List.of();
  }

  /** The containers of a Deployment's pod template. */
  static List<Map<String, Object>> containers(Map<String, Object> deployment) {
    return list(deployment, "spec.template.spec.containers");
  }
}
