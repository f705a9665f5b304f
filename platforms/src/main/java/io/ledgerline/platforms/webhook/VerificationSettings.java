package io.ledgerline.platforms.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How verifiers judge time.
 *
 * @param clock "now" when a request has no receivedAt
 * @param tolerance how far a signed timestamp may be from the receipt time, both ways (HubSpot v3,
 *     Standard Webhooks); 5 minutes by default
 */
public record VerificationSettings(Clock clock, Duration tolerance) {

  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  public VerificationSettings {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(tolerance, "tolerance");
    if (tolerance.isNegative()) {
      throw new IllegalArgumentException("tolerance must not be negative");
    }
  }

  public static VerificationSettings defaults() {
    return new VerificationSettings(Clock.systemUTC(), DEFAULT_TOLERANCE);
  }

  public Instant evaluationInstant(WebhookRequest request) {
    return request.receivedAt() != null ? request.receivedAt() : clock.instant();
  }

  /** Whether {@code signedAt} is within the tolerance of {@code now}, either side. */
  public boolean isFresh(Instant signedAt, Instant now) {
    Duration skew = Duration.between(signedAt, now).abs();
    return skew.compareTo(tolerance) <= 0;
  }
}
