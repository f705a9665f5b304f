package io.ledgerline.sync.client;

import static io.ledgerline.sync.client.Cleaning.trimmed;

import java.util.Locale;

/**
 * What we know about a client, cleaned. Build it with {@link #cleaned}: names trimmed, e-mails
 * lower case (an address without {@code @} is not an e-mail and is dropped, so it never matches
 * another client), phones kept as the platform gave them (only trimmed: E.164 or not, we do not
 * guess a country).
 */
public record ClientDetails(
    String name, String email, String phone, String taxId, ClientAddress address) {

  public static ClientDetails cleaned(
      String name, String email, String phone, String taxId, ClientAddress address) {
    return new ClientDetails(trimmed(name), email(email), phone(phone), taxId(taxId), address);
  }

  private static String email(String value) {
    String email = trimmed(value);
    if (email == null || email.contains(" ")) {
      return null;
    }
    int at = email.indexOf('@');
    if (at <= 0 || at != email.lastIndexOf('@') || at == email.length() - 1) {
      return null;
    }
    return email.toLowerCase(Locale.ROOT);
  }

  private static String phone(String value) {
    String phone = value == null ? null : value.strip();
    return phone == null || phone.isEmpty() ? null : phone;
  }

  private static String taxId(String value) {
    String taxId = trimmed(value);
    return taxId == null ? null : taxId.replace(" ", "");
  }

  /** These details, with every field the newer details know replaced by the newer value. */
  ClientDetails updatedWith(ClientDetails newer) {
    return new ClientDetails(
        newer.name != null ? newer.name : name,
        newer.email != null ? newer.email : email,
        newer.phone != null ? newer.phone : phone,
        newer.taxId != null ? newer.taxId : taxId,
        newer.address != null ? newer.address : address);
  }
}
