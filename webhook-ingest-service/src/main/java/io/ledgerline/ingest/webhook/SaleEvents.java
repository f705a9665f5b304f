package io.ledgerline.ingest.webhook;

import io.ledgerline.events.SaleEvent;

/**
 * Where normalized sales go: appended in the caller's transaction, published later by the relay.
 */
interface SaleEvents {

  void append(String key, SaleEvent sale);
}
