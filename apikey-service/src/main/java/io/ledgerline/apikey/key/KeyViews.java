package io.ledgerline.apikey.key;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the API shows of a key: never the secret nor its hash. */
final class KeyViews {

  private KeyViews() {}

  record CreateKeyRequest(
      @Nullable String name, @Nullable List<String> scopes, @Nullable Instant expiresAt) {
    ApiKeyService.NewKey toNewKey() {
      return new ApiKeyService.NewKey(name, scopes, expiresAt);
    }
  }

  record KeyView(
      UUID id,
      String tenantId,
      String name,
      String prefix,
      List<String> scopes,
      Instant createdAt,
      @Nullable Instant expiresAt,
      @Nullable Instant revokedAt,
      @Nullable Instant lastUsedAt,
      long usageCount,
      @Nullable Instant rotatedAt,
      @Nullable Instant previousSecretExpiresAt) {

    static KeyView of(ApiKey key) {
      return new KeyView(
          key.id(),
          key.tenantId(),
          key.name(),
          key.prefix(),
          List.copyOf(new TreeSet<>(key.scopes())),
          key.createdAt(),
          key.expiresAt(),
          key.revokedAt(),
          key.lastUsedAt(),
          key.usageCount(),
          key.rotatedAt(),
          key.previousSecretExpiresAt());
    }
  }

  /** The create response: the only place the plain key ever appears. */
  record CreatedKeyView(
      UUID id,
      String tenantId,
      String name,
      String prefix,
      List<String> scopes,
      Instant createdAt,
      @Nullable Instant expiresAt,
      String key) {

    static CreatedKeyView of(ApiKeyService.CreatedKey created) {
      var key = created.key();
      return new CreatedKeyView(
          key.id(),
          key.tenantId(),
          key.name(),
          key.prefix(),
          List.copyOf(new TreeSet<>(key.scopes())),
          key.createdAt(),
          key.expiresAt(),
          created.plain().value());
    }

    @Override
    public String toString() {
      return "CreatedKeyView[id=" + id + ", prefix=" + prefix + "]";
    }
  }

  record KeyList(List<KeyView> items) {}

  /** {@code overlap}: how long the current secret keeps working, ISO-8601 (default PT24H). */
  record RotationRequest(@Nullable Duration overlap) {}

  /** The rotation response: the only place the new plain key ever appears. */
  record RotatedKeyView(
      UUID id, String prefix, Instant rotatedAt, Instant previousSecretExpiresAt, String key) {

    static RotatedKeyView of(ApiKeyService.CreatedKey rotated) {
      var key = rotated.key();
      return new RotatedKeyView(
          key.id(),
          key.prefix(),
          key.rotatedAt(),
          key.previousSecretExpiresAt(),
          rotated.plain().value());
    }

    @Override
    public String toString() {
      return "RotatedKeyView[id=" + id + ", prefix=" + prefix + "]";
    }
  }

  record DayView(LocalDate day, long requests) {}

  record UsageView(
      UUID keyId,
      LocalDate from,
      LocalDate to,
      long total,
      long totalAllTime,
      @Nullable Instant lastUsedAt,
      List<DayView> days) {

    static UsageView of(ApiKeyService.Usage usage) {
      var days = usage.days().stream().map(d -> new DayView(d.day(), d.requests())).toList();
      return new UsageView(
          usage.key().id(),
          usage.from(),
          usage.to(),
          days.stream().mapToLong(DayView::requests).sum(),
          usage.key().usageCount(),
          usage.key().lastUsedAt(),
          days);
    }
  }

  /** A batch of request counts from the gateway. */
  record UsageBatch(List<ApiKeyService.UsageReport> items) {}
}
