package io.ledgerline.platform.outbox;

import java.net.URI;

/**
 * Where the service's PostgreSQL database is, as Debezium needs it (host, port, name) rather than
 * as a JDBC URL.
 */
record PostgresDatabase(
    String jdbcUrl, String host, int port, String name, String user, String password) {

  private static final String PREFIX = "jdbc:postgresql://";

  /** Parses {@code jdbc:postgresql://host[:port]/database[?parameters]} (one host only). */
  static PostgresDatabase of(String jdbcUrl, String user, String password) {
    if (jdbcUrl == null || !jdbcUrl.startsWith(PREFIX)) {
      throw new IllegalArgumentException(
          "The outbox relay needs a jdbc:postgresql:// URL: " + jdbcUrl);
    }
    URI uri = URI.create("postgresql://" + jdbcUrl.substring(PREFIX.length()));
    if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
      throw new IllegalArgumentException(
          "The outbox relay needs one host and a database name in the URL: " + jdbcUrl);
    }
    int port = uri.getPort() == -1 ? 5432 : uri.getPort();
    return new PostgresDatabase(
        jdbcUrl, uri.getHost(), port, uri.getPath().substring(1), user, password);
  }

  /**
   * The default name of the slot and the publication: unique per database, valid as a slot name.
   */
  String outboxObjectName() {
    return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_outbox";
  }

  @Override
  public String toString() {
    return "PostgresDatabase[" + host + ":" + port + "/" + name + " as " + user + "]";
  }
}
