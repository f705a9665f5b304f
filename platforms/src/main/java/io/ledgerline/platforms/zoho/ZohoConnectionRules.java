package io.ledgerline.platforms.zoho;

import io.ledgerline.platforms.connection.ConnectionRules;
import io.ledgerline.platforms.connection.InvalidSetting;
import io.ledgerline.platforms.connection.SecretGenerator;
import io.ledgerline.platforms.connection.SecretRule;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The channel id and token Ledgerline registers the notification with; both generated if absent.
 */
final class ZohoConnectionRules implements ConnectionRules {

  static final String CHANNEL_ID = "channelId";

  /** Zoho's own limit for the notification token. */
  private static final int MAX_TOKEN_LENGTH = 50;

  private static final Pattern CHANNEL_ID_FORMAT = Pattern.compile("^[0-9]{1,19}$");

  @Override
  public Set<String> settingNames() {
    return Set.of(CHANNEL_ID);
  }

  @Override
  public void complete(Map<String, String> settings, SecretGenerator generate) {
    // Zoho's channel_id is a long: 16 digits fit, never starting with 0.
    String channelId = settings.computeIfAbsent(CHANNEL_ID, k -> generate.digits(16));
    if (!CHANNEL_ID_FORMAT.matcher(channelId).matches()) {
      throw new InvalidSetting(
          "settings.channelId", "settings.channelId must be a number (Zoho's channel_id)");
    }
  }

  @Override
  public SecretRule secret() {
    return SecretRule.generatedIfAbsent("the notification token", 8, g -> g.hex(16))
        .withMaxLength(MAX_TOKEN_LENGTH);
  }
}
