package io.ledgerline.platform.outbox;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.storage.MemoryOffsetBackingStore;

/**
 * Kafka Connect offsets kept in the {@code outbox_offsets} table of the service's own database, so
 * that they survive restarts and live next to the WAL position they describe. (Debezium's own JDBC
 * offset store is not available on our Maven Central.) Debezium instantiates this class by name,
 * hence public.
 */
public class JdbcOffsetStore extends MemoryOffsetBackingStore {

  static final String URL = "ledgerline.offsets.jdbc.url";
  static final String USER = "ledgerline.offsets.jdbc.user";
  static final String PASSWORD = "ledgerline.offsets.jdbc.password";

  private String url = "";
  private String user = "";
  private String password = "";

  @Override
  public void configure(WorkerConfig config) {
    super.configure(config);
    Map<String, Object> originals = config.originals();
    url = String.valueOf(originals.get(URL));
    user = String.valueOf(originals.get(USER));
    password = String.valueOf(originals.get(PASSWORD));
  }

  @Override
  public synchronized void start() {
    super.start();
    Map<ByteBuffer, ByteBuffer> loaded = new HashMap<>();
    try (Connection connection = connect();
        PreparedStatement select =
            connection.prepareStatement("select offset_key, offset_value from outbox_offsets");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        byte[] value = rows.getBytes(2);
        loaded.put(
            ByteBuffer.wrap(rows.getBytes(1)), value == null ? null : ByteBuffer.wrap(value));
      }
    } catch (SQLException e) {
      throw new ConnectException("Could not read the outbox relay's offsets", e);
    }
    data = loaded;
  }

  /** Called by the parent on its single writer thread after each change of {@code data}. */
  @Override
  protected void save() {
    try (Connection connection = connect()) {
      connection.setAutoCommit(false);
      try (PreparedStatement upsert =
          connection.prepareStatement(
              "insert into outbox_offsets (offset_key, offset_value, updated_at) values (?, ?, now())"
                  + " on conflict (offset_key) do update"
                  + " set offset_value = excluded.offset_value, updated_at = now()")) {
        for (Map.Entry<ByteBuffer, ByteBuffer> entry : data.entrySet()) {
          upsert.setBytes(1, bytes(entry.getKey()));
          upsert.setBytes(2, entry.getValue() == null ? null : bytes(entry.getValue()));
          upsert.addBatch();
        }
        upsert.executeBatch();
      }
      connection.commit();
    } catch (SQLException e) {
      throw new ConnectException("Could not store the outbox relay's offsets", e);
    }
  }

  @Override
  public Set<Map<String, Object>> connectorPartitions(String connectorName) {
    // only used by Kafka Connect's REST API for offsets, which the embedded engine does not have
    return Set.of();
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }
}
