package io.ledgerline.invoice.invoice;

/**
 * A tenant's invoice number: a gapless sequence starting at 1, shown as {@code INV-000001}. Six
 * digits are a minimum width, not a limit: the millionth-and-first invoice is {@code INV-1000001}.
 */
public record InvoiceNumber(long sequence) implements Comparable<InvoiceNumber> {

  private static final String PREFIX = "INV-";

  public InvoiceNumber {
    if (sequence < 1) {
      throw new IllegalArgumentException("invoice numbers start at 1: " + sequence);
    }
  }

  public static InvoiceNumber first() {
    return new InvoiceNumber(1);
  }

  /** The number after the last one issued; {@code 0} means none was issued yet. */
  public static InvoiceNumber after(long lastIssued) {
    return new InvoiceNumber(lastIssued + 1);
  }

  public static InvoiceNumber parse(String text) {
    if (text == null || !text.matches("INV-\\d{6,}")) {
      throw new IllegalArgumentException("not an invoice number: " + text);
    }
    return new InvoiceNumber(Long.parseLong(text.substring(PREFIX.length())));
  }

  public InvoiceNumber next() {
    return new InvoiceNumber(sequence + 1);
  }

  @Override
  public int compareTo(InvoiceNumber other) {
    return Long.compare(sequence, other.sequence);
  }

  @Override
  public String toString() {
    return PREFIX + String.format("%06d", sequence);
  }
}
