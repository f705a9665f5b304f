package io.ledgerline.connector.connection;

import io.ledgerline.platforms.account.Probe;
import io.ledgerline.platforms.http.PlatformCallFailed;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Calls a cheap endpoint of the platform with the connection's tokens and says what it found. */
@Service
class TestConnection {

  private final Connections connections;
  private final AccountCalls calls;
  private final Clock clock;

  TestConnection(Connections connections, AccountCalls calls, Clock clock) {
    this.connections = connections;
    this.calls = calls;
    this.clock = clock;
  }

  /**
   * @param found what the platform answered, for people (null when it failed)
   * @param error why it failed (null when it worked); never holds a secret
   */
  record Result(boolean ok, String endpoint, String found, String error, Instant testedAt) {}

  Result test(String tenantId, UUID id) {
    Connection connection =
        connections.findOf(tenantId, id).orElseThrow(() -> ConnectionProblems.notFound(id));
    if (!connection.isAccountConnection()) {
      throw ConnectionProblems.wrongStatus(
          connection, "tested (a webhook connection has no API access)");
    }
    if (connection.status() != ConnectionStatus.ACTIVE) {
      throw ConnectionProblems.wrongStatus(connection, "tested");
    }
    Instant now = clock.instant();
    try {
      Probe probe = connection.platform().accountApi().test(calls.of(connection));
      connections.recordSuccess(id, now);
      return new Result(true, probe.endpoint(), probe.found(), null, now);
    } catch (PlatformCallFailed | IllegalArgumentException failed) {
      String error = failed.getMessage();
      connections.recordError(id, "test failed: " + error, now);
      return new Result(false, null, null, error, now);
    }
  }
}
