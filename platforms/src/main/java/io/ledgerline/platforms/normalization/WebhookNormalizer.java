package io.ledgerline.platforms.normalization;

/** Turns one platform's verified webhook body into events. Pure: no I/O, thread-safe. */
public interface WebhookNormalizer {

  /** The platform id as in URLs. */
  String platform();

  /**
   * Normalizes an authenticated body.
   *
   * @throws NormalizationFailed when the body is malformed or not of the platform's shape; never
   *     any other exception for any input
   */
  Normalized normalize(WebhookContext context, byte[] body);
}
