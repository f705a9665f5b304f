package io.ledgerline.platforms.webhook;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/** Tries a presented signature or credential against every secret usable at the receipt time. */
public final class Secrets {

  private Secrets() {}

  /**
   * {@link Verdict.Valid} with {@code eventId} when {@code matches} accepts one of the secrets
   * valid at {@code at}; NOT_CONFIGURED when the connection has none at all; else {@code mismatch}.
   * An expired secret is never tried, so a rotated-out secret stops verifying at its validUntil.
   */
  public static Verdict matchAny(
      WebhookCredentials credentials,
      Instant at,
      Predicate<String> matches,
      Reason mismatch,
      String eventId) {
    if (credentials == null || credentials.secrets().isEmpty()) {
      return Verdict.invalid(Reason.NOT_CONFIGURED, "the connection has no webhook secret");
    }
    List<String> usable = credentials.usableAt(at);
    boolean matched = false;
    // Every usable secret is tried (no early exit) so timing does not tell which one matched.
    for (String secret : usable) {
      matched |= matches.test(secret);
    }
    if (matched) {
      return new Verdict.Valid(eventId);
    }
    return Verdict.invalid(
        mismatch,
        usable.isEmpty()
            ? "every secret of the connection has expired"
            : mismatch == Reason.BAD_SIGNATURE
                ? "the signature matches no valid secret"
                : "the credential matches no valid secret");
  }
}
