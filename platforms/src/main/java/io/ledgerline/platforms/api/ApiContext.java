package io.ledgerline.platforms.api;

import io.ledgerline.events.Platform;
import io.ledgerline.platforms.mapping.ConnectionMapping;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Whose objects are read: the connection, its platform account and its mapping. One context serves
 * one fetch or one page; it remembers what platform code looked up once for it (an account's
 * currency).
 */
public final class ApiContext {

  private final String tenantId;
  private final UUID connectionId;
  private final String platform;
  private final @Nullable String accountId;
  private final @Nullable String currency;
  private final ConnectionMapping mapping;
  private final Map<String, Object> memo = new ConcurrentHashMap<>();

  /**
   * @param accountId the platform account's identity (HubSpot portal id, Square merchant id, ...)
   *     when the connection knows it
   * @param currency the connection's currency, for platforms whose objects may name none
   */
  public ApiContext(
      String tenantId,
      UUID connectionId,
      String platform,
      @Nullable String accountId,
      @Nullable String currency,
      ConnectionMapping mapping) {
    this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
    this.connectionId = Objects.requireNonNull(connectionId, "connectionId");
    this.platform = Objects.requireNonNull(platform, "platform");
    this.accountId = accountId;
    this.currency = currency;
    this.mapping = Objects.requireNonNull(mapping, "mapping");
  }

  public String tenantId() {
    return tenantId;
  }

  public UUID connectionId() {
    return connectionId;
  }

  public String platform() {
    return platform;
  }

  public @Nullable String accountId() {
    return accountId;
  }

  public @Nullable String currency() {
    return currency;
  }

  public ConnectionMapping mapping() {
    return mapping;
  }

  public Platform platformEnum() {
    return Platform.valueOf(platform.replace('-', '_').toUpperCase(Locale.ROOT));
  }

  /**
   * The event id of an object as read at a version: reading the same version again (a retried page,
   * the same object by webhook fetch and by pull) gives the same id, which consumers that skip seen
   * event ids absorb; invoicing stays idempotent on the object itself.
   */
  public String eventId(String objectType, String externalId, String version) {
    String seed = connectionId + ":" + objectType + ":" + externalId + ":" + version;
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** A value looked up once for this context. */
  @SuppressWarnings("unchecked")
  public <T> T memo(String key, Supplier<T> lookup) {
    Object known = memo.get(key);
    if (known == null) {
      known = lookup.get();
      memo.put(key, known);
    }
    return (T) known;
  }

  @Override
  public String toString() {
    return "ApiContext[" + platform + ", " + connectionId + "]";
  }
}
