package io.ledgerline.platforms.api;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Building request bodies and reading flat property maps, for platform API code. */
public final class ApiJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ApiJson() {}

  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  public static ArrayNode array() {
    return JSON.createArrayNode();
  }

  /**
   * A JSON object's members whose values are strings or numbers, as text (HubSpot and Zoho keep
   * record fields flat); nulls, objects and arrays are left out.
   */
  public static Map<String, String> strings(JsonNode object) {
    Map<String, String> values = new LinkedHashMap<>();
    for (var e : object.properties()) {
      JsonNode v = e.getValue();
      if (v.isString()) {
        values.put(e.getKey(), v.asString());
      } else if (v.isNumber() || v.isBoolean()) {
        values.put(e.getKey(), v.asString());
      }
    }
    return values;
  }
}
