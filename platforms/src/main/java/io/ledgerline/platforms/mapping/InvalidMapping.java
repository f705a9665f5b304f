package io.ledgerline.platforms.mapping;

/**
 * A mapping that cannot be saved, naming the offending field ({@code wonStages[2]}, {@code
 * buyer.taxId}, {@code template}) and why.
 */
public final class InvalidMapping extends RuntimeException {

  private final String field;

  public InvalidMapping(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
