package io.ledgerline.platforms.normalization;

/**
 * The body is not what the platform sends: not parsable at all ({@link #malformed()}: invalid JSON,
 * XML or form data), or parsable but of another shape (a Square payment without an amount, a
 * HubSpot body that is not an array...). Both answer 400. The message names no values from the
 * body, so it may be shown to the sender and logged.
 */
public class NormalizationFailed extends RuntimeException {

  private final boolean malformed;

  public NormalizationFailed(String message) {
    this(message, false);
  }

  private NormalizationFailed(String message, boolean malformed) {
    super(message, null, false, false);
    this.malformed = malformed;
  }

  public static NormalizationFailed malformed(String message) {
    return new NormalizationFailed(message, true);
  }

  /** Whether the body could not be parsed at all (as opposed to a well-formed wrong shape). */
  public boolean malformed() {
    return malformed;
  }
}
