package io.ledgerline.apikey.key;

import java.time.Instant;
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
      long usageCount) {

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
          key.usageCount());
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
}
