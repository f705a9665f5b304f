package io.ledgerline.connector.connection;

import io.ledgerline.platforms.account.AccountCall;
import io.ledgerline.platforms.http.PlatformCallFailed;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes a connection: revokes its tokens where the platform allows and removes the webhooks it
 * registered (both best effort: the platform may be down, and nothing of ours depends on it), then
 * keeps the row as history with status {@code DELETED}, its tokens, secrets and pending
 * authorization gone: webhook-ingest answers 410, nothing refreshes or calls for it again.
 */
@Service
class DeleteConnection {

  private static final Logger log = LoggerFactory.getLogger(DeleteConnection.class);

  private final Connections connections;
  private final AccountTokens tokens;
  private final AuthorizationStates states;
  private final AccountCalls calls;
  private final WebhookRegistrations registrations;
  private final TransactionTemplate transactions;
  private final Clock clock;

  DeleteConnection(
      Connections connections,
      AccountTokens tokens,
      AuthorizationStates states,
      AccountCalls calls,
      WebhookRegistrations registrations,
      TransactionTemplate transactions,
      Clock clock) {
    this.connections = connections;
    this.tokens = tokens;
    this.states = states;
    this.calls = calls;
    this.registrations = registrations;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * @return whether the platform revoked the tokens
   */
  boolean delete(String tenantId, UUID id) {
    Connection connection =
        connections.findOf(tenantId, id).orElseThrow(() -> ConnectionProblems.notFound(id));
    if (connection.status() == ConnectionStatus.DELETED) {
      return false;
    }
    boolean revoked = false;
    if (connection.isAccountConnection() && tokens.of(id).isPresent()) {
      AccountCall call = calls.of(connection);
      registrations.remove(connection, call);
      try {
        revoked = connection.platform().accountApi().revoke(call);
      } catch (PlatformCallFailed | IllegalArgumentException e) {
        log.warn("Revoking the tokens of connection {} failed: {}", id, e.getMessage());
      }
    }
    transactions.executeWithoutResult(
        tx -> {
          connections.lockOf(tenantId, id);
          connections.markDeleted(connection, clock.instant());
          tokens.delete(id);
          states.deleteOf(id);
        });
    return revoked;
  }
}
