package io.ledgerline.platforms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The registered platforms, found through {@link ServiceLoader}: adding a platform is adding its
 * package and one line in {@code META-INF/services/io.ledgerline.platforms.Platform}. Immutable.
 */
public final class Platforms {

  private static final Pattern ID = Pattern.compile("^[a-z][a-z0-9-]{1,39}$");

  private static final Platforms INSTALLED =
      of(ServiceLoader.load(Platform.class, Platforms.class.getClassLoader()));

  private final Map<String, Platform> byId;

  private Platforms(Map<String, Platform> byId) {
    this.byId = Collections.unmodifiableMap(byId);
  }

  /** Every platform registered on the class path, in registration order. */
  public static Platforms installed() {
    return INSTALLED;
  }

  /**
   * @throws IllegalStateException for a malformed or duplicate id: a registration mistake
   */
  public static Platforms of(Iterable<? extends Platform> platforms) {
    Map<String, Platform> byId = new LinkedHashMap<>();
    for (Platform platform : platforms) {
      String id = platform.id();
      if (id == null || !ID.matcher(id).matches()) {
        throw new IllegalStateException(
            platform.getClass().getName() + " has no valid id (lower case letters, digits, -)");
      }
      if (byId.putIfAbsent(id, platform) != null) {
        throw new IllegalStateException("two platforms with the id " + id);
      }
    }
    return new Platforms(byId);
  }

  /** Empty for an unknown id (webhook-ingest answers 404, connector-service 400). */
  public Optional<Platform> find(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
  }

  /**
   * @throws IllegalArgumentException for an unknown id
   */
  public Platform get(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException("unknown platform: " + id));
  }

  /** In registration order. */
  public List<Platform> all() {
    return List.copyOf(byId.values());
  }

  public Set<String> ids() {
    return byId.keySet();
  }

  /** The ids of the platforms providing {@code part}. */
  public List<String> providing(Platform.Part part) {
    List<String> ids = new ArrayList<>();
    for (Platform p : byId.values()) {
      if (p.provides(part)) {
        ids.add(p.id());
      }
    }
    return ids;
  }

  /** The environment variable prefix of a platform's settings, e.g. {@code LEDGERLINE_HUBSPOT}. */
  public static String environmentPrefix(String id) {
    return "LEDGERLINE_" + id.replace('-', '_').toUpperCase(Locale.ROOT);
  }
}
