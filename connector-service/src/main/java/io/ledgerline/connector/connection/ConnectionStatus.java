package io.ledgerline.connector.connection;

enum ConnectionStatus {
  ACTIVE,
  DISABLED
}
