package io.ledgerline.platforms.api;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The platform could not be used right now (unreachable, 5xx, timeouts, 429 past the wait we
 * accept, the rate budget spent): transient, try again later.
 */
public final class ApiUnavailable extends RuntimeException {

  private final @Nullable Duration retryAfter;

  public ApiUnavailable(String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  /** When the platform (or the budget) says it may be tried again, if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
