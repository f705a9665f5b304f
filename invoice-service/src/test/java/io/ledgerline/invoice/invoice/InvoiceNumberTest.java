package io.ledgerline.invoice.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InvoiceNumberTest {

  @Test
  void theFirstNumberIsOnePaddedToSixDigits() {
    assertThat(InvoiceNumber.first()).hasToString("INV-000001");
    assertThat(InvoiceNumber.after(0)).isEqualTo(InvoiceNumber.first());
  }

  @Test
  void eachNumberFollowsTheLastWithoutGaps() {
    assertThat(InvoiceNumber.after(41)).hasToString("INV-000042");
    assertThat(new InvoiceNumber(41).next()).isEqualTo(new InvoiceNumber(42));
  }

  @Test
  void outgrowsSixDigitsInsteadOfWrapping() {
    assertThat(new InvoiceNumber(999_999).next()).hasToString("INV-1000000");
  }

  @Test
  void parsesWhatItPrints() {
    assertThat(InvoiceNumber.parse("INV-000123")).isEqualTo(new InvoiceNumber(123));
    assertThat(InvoiceNumber.parse(new InvoiceNumber(1_234_567).toString()).sequence())
        .isEqualTo(1_234_567);
  }

  @Test
  void rejectsNumbersBelowOneAndForeignFormats() {
    assertThatThrownBy(() -> new InvoiceNumber(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InvoiceNumber.parse("INV-12"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InvoiceNumber.parse("F-000001"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
