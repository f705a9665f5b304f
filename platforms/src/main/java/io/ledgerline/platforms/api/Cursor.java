package io.ledgerline.platforms.api;

import io.ledgerline.platforms.normalization.JsonBodies;
import io.ledgerline.platforms.normalization.NormalizationFailed;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A pull's position as a small JSON object of strings, opaque to services (they store and hand it
 * back): {@code {"since":"2026-10-01T00:00:00Z","after":"100"}} for HubSpot, a {@code
 * nextRecordsUrl} for Salesforce, a {@code page_info} for Shopify.
 */
public final class Cursor {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<String, String> values;

  private Cursor(Map<String, String> values) {
    this.values = values;
  }

  public static Cursor since(Instant since) {
    return new Cursor(new LinkedHashMap<>()).with("since", since.toString());
  }

  /**
   * @throws IllegalArgumentException for text that is no cursor (a stored value from elsewhere)
   */
  public static Cursor parse(String text) {
    JsonNode node;
    try {
      node = JsonBodies.parse(text);
    } catch (NormalizationFailed e) {
      throw new IllegalArgumentException("not a cursor");
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("not a cursor");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (var e : node.properties()) {
      values.put(e.getKey(), e.getValue().asString());
    }
    return new Cursor(values);
  }

  public Cursor with(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(values);
    more.put(name, value);
    return new Cursor(more);
  }

  public Cursor without(String name) {
    Map<String, String> fewer = new LinkedHashMap<>(values);
    fewer.remove(name);
    return new Cursor(fewer);
  }

  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** The {@code since} instant every cursor of a pull carries. */
  public Instant since() {
    return get("since")
        .map(Instant::parse)
        .orElseThrow(() -> new IllegalArgumentException("no since"));
  }

  /**
   * The newest modification time a pull has read so far (carried from page to page, so that a last
   * page that is empty or older still restarts from the whole pull's mark), at least {@link
   * #since()}.
   */
  public Instant highWater() {
    Instant since = since();
    return get("seen").map(Instant::parse).filter(seen -> seen.isAfter(since)).orElse(since);
  }

  /** This cursor remembering {@code highWater} as what the pull has read so far. */
  public Cursor seen(Instant highWater) {
    return with("seen", highWater.toString());
  }

  public String text() {
    ObjectNode node = JSON.createObjectNode();
    values.forEach(node::put);
    return node.toString();
  }

  @Override
  public String toString() {
    return text();
  }
}
