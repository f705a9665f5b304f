package io.ledgerline.connector.connection;

import java.time.Instant;

/**
 * A webhook signing secret in plain text, only ever in memory. During a rotation the previous
 * secret stays valid until {@code validUntil}, so deliveries signed with it in flight still verify.
 *
 * @param validUntil null for the current secret
 */
record WebhookSecret(String value, Instant validUntil) {

  boolean usableAt(Instant now) {
    return validUntil == null || validUntil.isAfter(now);
  }

  @Override
  public String toString() {
    return "WebhookSecret[value=***, validUntil=" + validUntil + "]";
  }
}
