package io.ledgerline.platforms.webhook;

/** One platform's webhook authentication scheme. Thread-safe; never throws on bad input. */
public interface WebhookVerifier {

  /** The platform id, e.g. {@code shopify}. */
  String platform();

  /**
   * Verifies {@code request} against the connection's {@code credentials}.
   *
   * @return {@link Verdict.Valid}, {@link Verdict.Invalid} or (Clover only) {@link
   *     Verdict.Verification}; never throws for anything the sender controls
   */
  Verdict verify(WebhookRequest request, WebhookCredentials credentials);
}
