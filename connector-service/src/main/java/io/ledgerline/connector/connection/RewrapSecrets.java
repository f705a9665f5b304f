package io.ledgerline.connector.connection;

import io.ledgerline.platform.service.crypto.EncryptedSecret;
import io.ledgerline.platform.service.crypto.EnvelopeEncryption;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finishes a key-encryption-key rotation: every stored data key (webhook secrets, tokens, PKCE
 * verifiers) not under the active KEK is re-wrapped under it, row by row, each in its own short
 * transaction with the row locked. Afterwards the old KEK can be removed from the configuration.
 * Runs as a job (hourly) and on demand ({@code POST /internal/secrets/rewrap}, {@code
 * deploy/local/platform rewrap-secrets}).
 */
@Service
class RewrapSecrets {

  private static final Logger log = LoggerFactory.getLogger(RewrapSecrets.class);

  private final JdbcClient jdbc;
  private final EnvelopeEncryption encryption;
  private final TransactionTemplate transactions;

  RewrapSecrets(JdbcClient jdbc, EnvelopeEncryption encryption, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.encryption = encryption;
    this.transactions = transactions;
  }

  /** How many data keys were re-wrapped, and how many rows are still under another KEK. */
  record Report(int rewrapped, int remaining, String activeKeyId) {}

  private record Table(String name, String key, String extra, Function<UUID, String> aad) {}

  private static final List<Table> TABLES =
      List.of(
          new Table("connection_secrets", "connection_id", "slot", id -> "connection-secret:" + id),
          new Table("connection_tokens", "connection_id", null, AccountTokens::associatedData),
          new Table(
              "authorization_states", "state_hash", null, AuthorizationStates::associatedData));

  @Scheduled(
      fixedDelayString = "${ledgerline.connector.accounts.rewrap-interval:1h}",
      initialDelay = 60_000)
  void job() {
    Report report = rewrap();
    if (report.rewrapped() > 0) {
      log.info("Re-wrapped {} data key(s) under {}", report.rewrapped(), report.activeKeyId());
    }
  }

  Report rewrap() {
    String active = encryption.activeKeyId();
    int done = 0;
    for (Table table : TABLES) {
      List<Object[]> rows =
          jdbc.sql(
                  "SELECT "
                      + table.key()
                      + (table.extra() == null ? "" : ", " + table.extra())
                      + " FROM "
                      + table.name()
                      + " WHERE kek_id IS NOT NULL AND kek_id <> :active")
              .param("active", active)
              .query(
                  (rs, n) ->
                      new Object[] {
                        rs.getObject(1), table.extra() == null ? null : rs.getString(2)
                      })
              .list();
      for (Object[] row : rows) {
        Integer changed = transactions.execute(tx -> rewrapRow(table, row[0], (String) row[1]));
        done += changed == null ? 0 : changed;
      }
    }
    int remaining = 0;
    for (Table table : TABLES) {
      remaining +=
          jdbc.sql(
                  "SELECT count(*) FROM "
                      + table.name()
                      + " WHERE kek_id IS NOT NULL AND kek_id <> :active")
              .param("active", active)
              .query(Integer.class)
              .single();
    }
    return new Report(done, remaining, active);
  }

  private int rewrapRow(Table table, Object key, String extra) {
    String where =
        " WHERE "
            + table.key()
            + " = :key"
            + (extra == null ? "" : " AND " + table.extra() + " = :extra");
    var select =
        jdbc.sql(
                "SELECT connection_id, kek_id, wrapped_data_key, ciphertext FROM "
                    + table.name()
                    + where
                    + " FOR UPDATE")
            .param("key", key);
    if (extra != null) {
      select = select.param("extra", extra);
    }
    List<Object[]> found =
        select
            .query(
                (rs, n) ->
                    new Object[] {
                      rs.getObject(1, UUID.class),
                      new EncryptedSecret(rs.getString(2), rs.getBytes(3), rs.getBytes(4))
                    })
            .list();
    if (found.isEmpty()) {
      return 0;
    }
    UUID connectionId = (UUID) found.get(0)[0];
    EncryptedSecret sealed = (EncryptedSecret) found.get(0)[1];
    EncryptedSecret rewrapped = encryption.rewrap(sealed, table.aad().apply(connectionId));
    if (rewrapped == sealed) {
      return 0;
    }
    var update =
        jdbc.sql(
                "UPDATE "
                    + table.name()
                    + " SET kek_id = :kek, wrapped_data_key = :wrapped"
                    + where)
            .param("kek", rewrapped.keyId())
            .param("wrapped", rewrapped.wrappedDataKey())
            .param("key", key);
    if (extra != null) {
      update = update.param("extra", extra);
    }
    return update.update();
  }
}
