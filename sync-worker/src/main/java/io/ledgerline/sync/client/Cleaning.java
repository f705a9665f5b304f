package io.ledgerline.sync.client;

final class Cleaning {

  private Cleaning() {}

  /** Trimmed, inner runs of white space collapsed to one space; blank becomes null. */
  static String trimmed(String value) {
    if (value == null) {
      return null;
    }
    String collapsed = value.strip().replaceAll("\\s+", " ");
    return collapsed.isEmpty() ? null : collapsed;
  }
}
