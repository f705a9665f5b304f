package io.ledgerline.platforms.standardwebhooks;

import io.ledgerline.platforms.connection.ConnectionRules;
import io.ledgerline.platforms.connection.InvalidSetting;
import io.ledgerline.platforms.connection.SecretRule;
import java.util.Base64;

/** {@code whsec_} and base64 of 24 to 64 random bytes, generated (32 bytes) if absent. */
final class StandardWebhooksConnectionRules implements ConnectionRules {

  private static final String WHSEC = "whsec_";

  @Override
  public SecretRule secret() {
    return SecretRule.generatedIfAbsent("the whsec_ signing secret", 8, g -> WHSEC + g.base64(32))
        .withFormat(StandardWebhooksConnectionRules::check);
  }

  private static void check(String secret) {
    String problem = "secret must be whsec_ followed by base64 of 24 to 64 random bytes";
    if (!secret.startsWith(WHSEC)) {
      throw new InvalidSetting("secret", problem);
    }
    try {
      int length = Base64.getDecoder().decode(secret.substring(WHSEC.length())).length;
      if (length < 24 || length > 64) {
        throw new InvalidSetting("secret", problem);
      }
    } catch (IllegalArgumentException notBase64) {
      throw new InvalidSetting("secret", problem);
    }
  }
}
