package io.ledgerline.invoice.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DocumentNumberTest {

  @Test
  void showsThePrefixAndAtLeastSixDigits() {
    assertThat(new DocumentNumber("INV-", 1)).hasToString("INV-000001");
    assertThat(new DocumentNumber("CN-", 42)).hasToString("CN-000042");
    assertThat(new DocumentNumber("INV-", 1_000_001)).hasToString("INV-1000001");
  }

  @Test
  void followsOnFromTheLastIssuedNumber() {
    assertThat(DocumentNumber.after("INV-", 0)).isEqualTo(new DocumentNumber("INV-", 1));
    assertThat(DocumentNumber.after("CN-", 41).next()).isEqualTo(new DocumentNumber("CN-", 43));
  }

  @Test
  void readsAStoredNumberBackWithItsPrefix() {
    assertThat(DocumentNumber.stored("ACME/2026/000007", 7))
        .isEqualTo(new DocumentNumber("ACME/2026/", 7));
    assertThatThrownBy(() -> DocumentNumber.stored("INV-000008", 7))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsNumbersBelowOneAndPrefixesThatAreNotSafe() {
    assertThatThrownBy(() -> new DocumentNumber("INV-", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DocumentNumber("IN V", 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DocumentNumber("-INV", 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
