package io.ledgerline.platforms.webhook;

import static org.assertj.core.api.Assertions.assertThat;

public final class VerdictAssertions {

  private VerdictAssertions() {}

  public static void assertValid(Verdict verdict) {
    assertThat(verdict).isInstanceOf(Verdict.Valid.class);
  }

  public static void assertValid(Verdict verdict, String eventId) {
    assertThat(verdict).isEqualTo(new Verdict.Valid(eventId));
  }

  public static void assertRejected(Verdict verdict, Reason reason) {
    assertThat(verdict).isInstanceOf(Verdict.Invalid.class);
    assertThat(((Verdict.Invalid) verdict).reason()).isEqualTo(reason);
  }
}
