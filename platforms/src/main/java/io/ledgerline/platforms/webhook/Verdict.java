package io.ledgerline.platforms.webhook;

import java.util.Objects;
import java.util.Optional;

/** The outcome of verifying one webhook. */
public sealed interface Verdict {

  /** Whether the webhook may be processed. */
  default boolean isValid() {
    return this instanceof Valid;
  }

  /**
   * Authentic.
   *
   * @param eventId the platform's own event id, the dedup key, where the scheme has one (Shopify's
   *     X-Shopify-Webhook-Id, Standard Webhooks' webhook-id, Square's event_id, Pipedrive's
   *     meta.id); {@code null} otherwise (dedup on a digest of the body)
   */
  record Valid(String eventId) implements Verdict {
    public Optional<String> dedupKey() {
      return Optional.ofNullable(eventId);
    }
  }

  /**
   * Rejected.
   *
   * @param reason the stable reason
   * @param message for logs and problem details; never contains a secret or the body
   */
  record Invalid(Reason reason, String message) implements Verdict {
    public Invalid {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Clover's one-time URL verification POST ({@code {"verificationCode": "..."}}, no
   * X-Clover-Auth): not an event, show the code to the tenant to paste into Clover. Unauthenticated
   * by nature.
   */
  record Verification(String code) implements Verdict {
    public Verification {
      Objects.requireNonNull(code, "code");
    }
  }

  static Invalid invalid(Reason reason, String message) {
    return new Invalid(reason, message);
  }
}
