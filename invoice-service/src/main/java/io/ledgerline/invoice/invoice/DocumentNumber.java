package io.ledgerline.invoice.invoice;

import java.util.regex.Pattern;

/**
 * A tenant's document number: a prefix and a gapless sequence starting at 1 per series (invoices,
 * credit notes), shown as {@code INV-000001}. Six digits are a minimum width, not a limit: the
 * millionth-and-first invoice is {@code INV-1000001}. The prefix is the tenant's setting when the
 * number was taken; the sequence goes on when the prefix changes.
 */
public record DocumentNumber(String prefix, long sequence) implements Comparable<DocumentNumber> {

  /** Letters, digits and {@code - / _ .}, up to 16, starting with a letter or digit. */
  public static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/_.-]{0,15}");

  public static final String INVOICE_PREFIX = "INV-";
  public static final String CREDIT_NOTE_PREFIX = "CN-";

  public DocumentNumber {
    if (sequence < 1) {
      throw new IllegalArgumentException("document numbers start at 1: " + sequence);
    }
    if (prefix == null || !PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("not a document number prefix: " + prefix);
    }
  }

  /** The number after the last one issued; {@code 0} means none was issued yet. */
  public static DocumentNumber after(String prefix, long lastIssued) {
    return new DocumentNumber(prefix, lastIssued + 1);
  }

  /** Reads a stored number back: its sequence is known, its prefix is what precedes the digits. */
  public static DocumentNumber stored(String text, long sequence) {
    String digits = String.format("%06d", sequence);
    if (text == null || !text.endsWith(digits) || text.length() == digits.length()) {
      throw new IllegalArgumentException("number " + text + " does not end in " + digits);
    }
    return new DocumentNumber(text.substring(0, text.length() - digits.length()), sequence);
  }

  public DocumentNumber next() {
    return new DocumentNumber(prefix, sequence + 1);
  }

  @Override
  public int compareTo(DocumentNumber other) {
    return Long.compare(sequence, other.sequence);
  }

  @Override
  public String toString() {
    return prefix + String.format("%06d", sequence);
  }
}
