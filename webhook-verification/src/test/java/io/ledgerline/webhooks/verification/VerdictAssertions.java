package io.ledgerline.webhooks.verification;

import static org.assertj.core.api.Assertions.assertThat;

final class VerdictAssertions {

  private VerdictAssertions() {}

  static void assertValid(Verdict verdict) {
    assertThat(verdict).isInstanceOf(Verdict.Valid.class);
  }

  static void assertValid(Verdict verdict, String eventId) {
    assertThat(verdict).isEqualTo(new Verdict.Valid(eventId));
  }

  static void assertRejected(Verdict verdict, Reason reason) {
    assertThat(verdict).isInstanceOf(Verdict.Invalid.class);
    assertThat(((Verdict.Invalid) verdict).reason()).isEqualTo(reason);
  }
}
