package io.ledgerline.connector.connection;

/**
 * Where a connection stands. An account connection starts {@code PENDING_AUTHORIZATION} (OAuth) and
 * becomes {@code ACTIVE} once the platform issued its tokens; a refused refresh makes it {@code
 * NEEDS_REAUTHORIZATION} (a new authorization, same id, makes it active again). {@code DELETED}
 * keeps the row for history; nothing works for it any more.
 */
enum ConnectionStatus {
  ACTIVE,
  DISABLED,
  PENDING_AUTHORIZATION,
  NEEDS_REAUTHORIZATION,
  DELETED
}
