package io.ledgerline.sync.client;

/**
 * Another transaction registered, keyed or merged this buyer's client first (a deal and a sale of
 * one buyer consumed at the same moment): this transaction must roll back and run again in a new
 * one, whose lookups then find the winner's client. Thrown instead of keeping a second client for
 * one buyer.
 */
public final class ClientRaceLost extends RuntimeException {

  public ClientRaceLost(String message) {
    super(message);
  }
}
