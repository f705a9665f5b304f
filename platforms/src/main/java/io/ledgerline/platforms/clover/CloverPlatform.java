package io.ledgerline.platforms.clover;

import io.ledgerline.platforms.DeclaredPlatform;
import io.ledgerline.platforms.connection.SecretRule;

/** Clover: POS orders and payments; thin webhooks with the app's auth code. */
public final class CloverPlatform extends DeclaredPlatform {

  static final String ID = "clover";

  public CloverPlatform() {
    super(
        ID,
        "Clover",
        Kind.POS,
        CloverVerifier::new,
        new CloverNormalizer(),
        () -> SecretRule.givenLater("the app's auth code from Clover", 8));
  }
}
