package io.ledgerline.platforms.webhook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The request's headers: an immutable multi-map whose names compare case-insensitively (HTTP field
 * names are case-insensitive and proxies change their case).
 */
public final class WebhookHeaders {

  private static final WebhookHeaders EMPTY = new WebhookHeaders(new TreeMap<>());

  private final Map<String, List<String>> values;

  private WebhookHeaders(Map<String, List<String>> values) {
    this.values = values;
  }

  public static WebhookHeaders empty() {
    return EMPTY;
  }

  /** Copies {@code headers}; values of names that differ only in case are merged in order. */
  public static WebhookHeaders of(Map<String, ? extends List<String>> headers) {
    Map<String, List<String>> copy = new TreeMap<>();
    headers.forEach(
        (name, list) -> {
          if (name != null && list != null) {
            List<String> target = copy.computeIfAbsent(key(name), k -> new ArrayList<>());
            list.stream().filter(v -> v != null).forEach(target::add);
          }
        });
    copy.replaceAll((k, v) -> List.copyOf(v));
    return new WebhookHeaders(copy);
  }

  /**
   * Single-valued headers, e.g. {@code WebhookHeaders.ofSingle(Map.of("X-Shopify-Hmac-Sha256",
   * sig))}.
   */
  public static WebhookHeaders ofSingle(Map<String, String> headers) {
    Map<String, List<String>> lists = new TreeMap<>();
    headers.forEach(
        (name, value) -> {
          if (name != null && value != null) {
            lists.computeIfAbsent(key(name), k -> new ArrayList<>()).add(value);
          }
        });
    return of(lists);
  }

  /** For adapters that enumerate headers one value at a time (a servlet request, say). */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects values in arrival order; names compare case-insensitively. */
  public static final class Builder {
    private final Map<String, List<String>> values = new TreeMap<>();

    private Builder() {}

    public Builder add(String name, String value) {
      if (name != null && value != null) {
        values.computeIfAbsent(key(name), k -> new ArrayList<>()).add(value);
      }
      return this;
    }

    public WebhookHeaders build() {
      return WebhookHeaders.of(values);
    }
  }

  /** A copy with one more value for {@code name}. */
  public WebhookHeaders with(String name, String value) {
    Map<String, List<String>> copy = new TreeMap<>(values);
    List<String> list = new ArrayList<>(copy.getOrDefault(key(name), List.of()));
    list.add(value);
    copy.put(key(name), List.copyOf(list));
    return new WebhookHeaders(copy);
  }

  /** The first value of {@code name}, if any. */
  public Optional<String> first(String name) {
    List<String> list = values.get(key(name));
    return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }

  /** Every value of {@code name}, in order; empty if absent. */
  public List<String> all(String name) {
    return values.getOrDefault(key(name), List.of());
  }

  /** Names in lower case, with their values. */
  public Map<String, List<String>> asMap() {
    return Collections.unmodifiableMap(values);
  }

  private static String key(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WebhookHeaders h && h.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** Names only: values may be credentials. */
  @Override
  public String toString() {
    return "WebhookHeaders" + values.keySet();
  }
}
