package io.ledgerline.platforms.square;

import io.ledgerline.platforms.DeclaredPlatform;
import io.ledgerline.platforms.connection.SecretRule;

/** Square: POS payments, refunds and orders; full webhooks signed over the notification URL. */
public final class SquarePlatform extends DeclaredPlatform {

  static final String ID = "square";

  public SquarePlatform() {
    super(
        ID,
        "Square",
        Kind.POS,
        SquareVerifier::new,
        new SquareNormalizer(),
        () -> SecretRule.required("the Square subscription's signature key", 16));
  }
}
