package io.ledgerline.connector.connection;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * How long the previous secret keeps verifying after a rotation: long enough for deliveries the
 * platform signed with it (and its retries) to arrive, bounded so a leaked secret does not live on.
 */
final class SecretRotation {

  static final Duration DEFAULT_OVERLAP = Duration.ofHours(24);
  static final Duration MAX_OVERLAP = Duration.ofDays(7);

  private SecretRotation() {}

  /** The overlap an ISO-8601 duration asks for, the default when none is given. */
  static Duration overlap(String requested) {
    if (requested == null || requested.isBlank()) {
      return DEFAULT_OVERLAP;
    }
    Duration overlap;
    try {
      overlap = Duration.parse(requested.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidConnectionInput(
          "overlap", "overlap must be an ISO-8601 duration such as PT24H");
    }
    if (overlap.isNegative() || overlap.compareTo(MAX_OVERLAP) > 0) {
      throw new InvalidConnectionInput("overlap", "overlap must be between PT0S and P7D");
    }
    return overlap;
  }
}
