package io.ledgerline.platforms.standardwebhooks;

import io.ledgerline.platforms.DeclaredPlatform;

/** Standard Webhooks: any sender signing per the Standard Webhooks specification. */
public final class StandardWebhooksPlatform extends DeclaredPlatform {

  static final String ID = "standard-webhooks";

  public StandardWebhooksPlatform() {
    super(
        ID,
        "Standard Webhooks",
        Kind.GENERIC,
        StandardWebhooksVerifier::new,
        new StandardWebhooksNormalizer(),
        new StandardWebhooksConnectionRules(),
        null);
  }
}
