package io.ledgerline.platforms.pipedrive;

import io.ledgerline.platforms.connection.ConnectionRules;
import io.ledgerline.platforms.connection.InvalidSetting;
import io.ledgerline.platforms.connection.SecretGenerator;
import io.ledgerline.platforms.connection.SecretRule;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The HTTP Basic user name and password the tenant enters in Pipedrive; both generated if absent.
 */
final class PipedriveConnectionRules implements ConnectionRules {

  static final String USERNAME = "username";

  private static final Pattern USERNAME_FORMAT =
      Pattern.compile("^[\\x21-\\x39\\x3b-\\x7e]{1,100}$");

  @Override
  public Set<String> settingNames() {
    return Set.of(USERNAME);
  }

  @Override
  public void complete(Map<String, String> settings, SecretGenerator generate) {
    String username = settings.computeIfAbsent(USERNAME, k -> "ledgerline-" + generate.hex(6));
    if (!USERNAME_FORMAT.matcher(username).matches()) {
      throw new InvalidSetting(
          "settings.username",
          "settings.username must be 1 to 100 printable characters without ':' or spaces");
    }
  }

  @Override
  public SecretRule secret() {
    return SecretRule.generatedIfAbsent("the HTTP Basic password", 12, g -> g.base64Url(24));
  }
}
