package io.ledgerline.sync.client;

import static io.ledgerline.sync.client.Cleaning.trimmed;

import java.util.Locale;

/** A client's postal address, cleaned: trimmed fields, blanks as null, country upper case. */
public record ClientAddress(
    String line1, String line2, String city, String region, String postalCode, String country) {

  public static ClientAddress cleaned(
      String line1, String line2, String city, String region, String postalCode, String country) {
    String cleanCountry = trimmed(country);
    var address =
        new ClientAddress(
            trimmed(line1),
            trimmed(line2),
            trimmed(city),
            trimmed(region),
            trimmed(postalCode),
            cleanCountry == null ? null : cleanCountry.toUpperCase(Locale.ROOT));
    return address.isEmpty() ? null : address;
  }

  boolean isEmpty() {
    return line1 == null
        && line2 == null
        && city == null
        && region == null
        && postalCode == null
        && country == null;
  }
}
