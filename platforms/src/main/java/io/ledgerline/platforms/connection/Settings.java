package io.ledgerline.platforms.connection;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Checks that several platforms' settings share. */
public final class Settings {

  private static final Pattern IPV4 =
      Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(/(\\d{1,2}))?$");
  private static final Pattern IPV6 = Pattern.compile("^([0-9a-fA-F:.]+)(/(\\d{1,3}))?$");

  private Settings() {}

  /**
   * The setting, required and matching {@code format}.
   *
   * @throws InvalidSetting with {@code missing} or {@code malformed} as its message
   */
  public static String required(
      Map<String, String> settings, String name, Pattern format, String missing, String malformed) {
    String value = settings.get(name);
    if (value == null) {
      throw new InvalidSetting("settings." + name, missing);
    }
    if (!format.matcher(value).matches()) {
      throw new InvalidSetting("settings." + name, malformed);
    }
    return value;
  }

  /** An ISO 4217 code, upper-cased; null if it is none. */
  public static String currency(String code) {
    if (code == null || code.length() != 3) {
      return null;
    }
    try {
      return Currency.getInstance(code.toUpperCase(Locale.ROOT)).getCurrencyCode();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Comma separated IPv4/IPv6 addresses or CIDR ranges, trimmed and re-joined.
   *
   * @throws InvalidSetting for anything else
   */
  public static String ipList(String field, String value) {
    String problem = field + " must be comma separated IP addresses or CIDR ranges";
    String normalized =
        Arrays.stream(value.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .peek(
                entry -> {
                  if (!isIpOrRange(entry)) {
                    throw new InvalidSetting(field, problem);
                  }
                })
            .collect(Collectors.joining(","));
    if (normalized.isEmpty()) {
      throw new InvalidSetting(field, problem);
    }
    return normalized;
  }

  private static boolean isIpOrRange(String entry) {
    var v4 = IPV4.matcher(entry);
    if (v4.matches()) {
      for (int group = 1; group <= 4; group++) {
        if (Integer.parseInt(v4.group(group)) > 255) {
          return false;
        }
      }
      return v4.group(6) == null || Integer.parseInt(v4.group(6)) <= 32;
    }
    var v6 = IPV6.matcher(entry);
    if (v6.matches() && v6.group(1).contains(":")) {
      try {
        // a literal with ':' is parsed, never looked up in DNS
        InetAddress.getByName(v6.group(1));
      } catch (UnknownHostException | IllegalArgumentException e) {
        return false;
      }
      return v6.group(3) == null || Integer.parseInt(v6.group(3)) <= 128;
    }
    return false;
  }
}
