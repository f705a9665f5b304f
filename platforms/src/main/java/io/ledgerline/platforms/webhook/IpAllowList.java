package io.ledgerline.platforms.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** IP addresses and CIDR blocks. Only literals are parsed: nothing here ever resolves a name. */
public final class IpAllowList {

  private IpAllowList() {}

  public static boolean allows(List<String> entries, String address) {
    byte[] candidate = literal(address);
    if (candidate == null) {
      return false;
    }
    for (String entry : entries) {
      if (entry != null && contains(entry.trim(), candidate)) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(String entry, byte[] candidate) {
    int slash = entry.indexOf('/');
    byte[] network = literal(slash < 0 ? entry : entry.substring(0, slash));
    if (network == null || network.length != candidate.length) {
      return false;
    }
    int bits = network.length * 8;
    if (slash >= 0) {
      try {
        bits = Integer.parseInt(entry.substring(slash + 1));
      } catch (NumberFormatException e) {
        return false;
      }
      if (bits < 0 || bits > network.length * 8) {
        return false;
      }
    }
    for (int i = 0; i < bits; i++) {
      int mask = 0x80 >>> (i % 8);
      if ((network[i / 8] & mask) != (candidate[i / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  /** The bytes of an IPv4 or IPv6 literal, or null for anything else (host names included). */
  public static byte[] literal(String address) {
    if (address == null || address.isEmpty() || address.length() > 45) {
      return null;
    }
    if (address.indexOf(':') < 0) {
      return ipv4(address);
    }
    for (char c : address.toCharArray()) {
      boolean allowed = c == ':' || c == '.' || Character.digit(c, 16) >= 0;
      if (!allowed) {
        return null;
      }
    }
    try {
      // Only hex digits, colons and dots reach here, so this parses a literal and never does DNS.
      byte[] bytes = InetAddress.getByName(address).getAddress();
      return bytes.length == 16 ? bytes : ipv4MappedOrNull(bytes);
    } catch (UnknownHostException | RuntimeException e) {
      return null;
    }
  }

  private static byte[] ipv4MappedOrNull(byte[] bytes) {
    return bytes.length == 4 ? bytes : null;
  }

  private static byte[] ipv4(String address) {
    String[] parts = address.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      int value = Integer.parseInt(p);
      if (value > 255) {
        return null;
      }
      bytes[i] = (byte) value;
    }
    return bytes;
  }
}
