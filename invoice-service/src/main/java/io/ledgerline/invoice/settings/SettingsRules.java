package io.ledgerline.invoice.settings;

import io.ledgerline.invoice.invoice.DocumentNumber;
import io.ledgerline.invoice.invoice.PostalAddress;
import io.ledgerline.invoice.invoice.Seller;
import io.ledgerline.invoice.invoice.UntaxedLines;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of the invoicing settings: what each field may hold. Every broken rule is collected
 * with its field's JSON path, so the problem detail names them all at once.
 */
final class SettingsRules {

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{3,40}");
  // EAS codes (CEF code list): four digits (0088 GLN, 0192 Norway, ...) or EM (e-mail) and a few
  // letter codes.
  private static final Pattern EAS = Pattern.compile("\\d{4}|EM|AN|AQ|AS|AU");
  private static final Pattern TAX_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ./-]{1,49}");

  private SettingsRules() {}

  static TenantInvoicing check(SettingsJson in) {
    Map<String, String> errors = new LinkedHashMap<>();
    String legalName = text(in.legalName(), "legalName", 200, errors);
    if (legalName == null && !errors.containsKey("legalName")) {
      errors.put("legalName", "is required: an invoice names its seller's legal name");
    }
    String tradingName = text(in.tradingName(), "tradingName", 200, errors);
    String taxId = text(in.taxId(), "taxId", 50, errors);
    if (taxId != null && !TAX_ID.matcher(taxId).matches()) {
      errors.put("taxId", "must be letters, digits, spaces, '.', '/' or '-'");
    }
    PostalAddress address = address(in.address(), errors);
    String email = text(in.email(), "email", 254, errors);
    if (email != null && !EMAIL.matcher(email).matches()) {
      errors.put("email", "is not an e-mail address");
    }
    String phone = text(in.phone(), "phone", 40, errors);
    if (phone != null && !PHONE.matcher(phone).matches()) {
      errors.put("phone", "must be digits with an optional leading +");
    }
    Seller.BankDetails bank = bank(in.bank(), errors);
    Seller.ElectronicAddress electronic = electronicAddress(in.electronicAddress(), errors);
    String timeZone = text(in.timeZone(), "timeZone", 64, errors);
    if (timeZone != null) {
      try {
        ZoneId.of(timeZone);
      } catch (DateTimeException e) {
        errors.put("timeZone", "is not a time zone (use an IANA id such as Africa/Lagos)");
      }
    }
    String invoicePrefix = prefix(in.invoicePrefix(), "invoicePrefix", errors);
    String creditNotePrefix = prefix(in.creditNotePrefix(), "creditNotePrefix", errors);
    // Compared by letters and digits: a FIRS IRN keeps only those of the number, so "INV-" and
    // "INV/" would give an invoice and a credit note one IRN.
    if (invoicePrefix != null
        && creditNotePrefix != null
        && alphanumerics(invoicePrefix).equalsIgnoreCase(alphanumerics(creditNotePrefix))) {
      errors.put("creditNotePrefix", "must differ from invoicePrefix in its letters or digits");
    }
    Integer terms = in.paymentTermsDays();
    if (terms != null && (terms < 0 || terms > 365)) {
      errors.put("paymentTermsDays", "must be between 0 and 365");
    }
    BigDecimal rate = rate(in.defaultTaxRate(), errors);
    UntaxedLines untaxed = untaxedLines(in.untaxedLines(), "untaxedLines", errors);
    if (!errors.isEmpty()) {
      throw new InvalidSettings(errors);
    }
    return new TenantInvoicing(
        new Seller(legalName, tradingName, taxId, address, email, phone, bank, electronic),
        timeZone,
        invoicePrefix,
        creditNotePrefix,
        terms,
        rate,
        untaxed);
  }

  static UntaxedLines untaxedLines(String value, String field, Map<String, String> errors) {
    if (value == null) {
      return null;
    }
    try {
      return UntaxedLines.valueOf(value);
    } catch (IllegalArgumentException e) {
      errors.put(field, "must be DEFAULT_RATE or NOT_TAXED");
      return null;
    }
  }

  private static PostalAddress address(PostalAddress in, Map<String, String> errors) {
    if (in == null) {
      return null;
    }
    String country = text(in.country(), "address.country", 2, errors);
    if (country == null && !errors.containsKey("address.country")) {
      errors.put("address.country", "is required in an address (ISO 3166-1 alpha-2)");
    } else if (country != null && !COUNTRIES.contains(country.toUpperCase(Locale.ROOT))) {
      errors.put("address.country", "is not an ISO 3166-1 alpha-2 country code");
    }
    return new PostalAddress(
        text(in.line1(), "address.line1", 200, errors),
        text(in.line2(), "address.line2", 200, errors),
        text(in.city(), "address.city", 100, errors),
        text(in.region(), "address.region", 100, errors),
        text(in.postalCode(), "address.postalCode", 20, errors),
        country == null ? null : country.toUpperCase(Locale.ROOT));
  }

  private static Seller.BankDetails bank(Seller.BankDetails in, Map<String, String> errors) {
    if (in == null) {
      return null;
    }
    String iban = text(in.iban(), "bank.iban", 34, errors);
    if (iban != null && !iban.replace(" ", "").matches("[A-Z]{2}[0-9]{2}[A-Za-z0-9]{10,30}")) {
      errors.put("bank.iban", "is not an IBAN");
    }
    String bic = text(in.bic(), "bank.bic", 11, errors);
    if (bic != null && !bic.matches("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?")) {
      errors.put("bank.bic", "is not a BIC");
    }
    return new Seller.BankDetails(
        text(in.bankName(), "bank.bankName", 200, errors),
        text(in.accountName(), "bank.accountName", 200, errors),
        text(in.accountNumber(), "bank.accountNumber", 34, errors),
        iban == null ? null : iban.replace(" ", ""),
        bic);
  }

  static Seller.ElectronicAddress electronicAddress(
      Seller.ElectronicAddress in, Map<String, String> errors) {
    if (in == null) {
      return null;
    }
    String scheme = text(in.scheme(), "electronicAddress.scheme", 4, errors);
    if (scheme == null || !EAS.matcher(scheme).matches()) {
      errors.put("electronicAddress.scheme", "must be an EAS code such as 0088, 0192 or EM");
    }
    String id = text(in.id(), "electronicAddress.id", 100, errors);
    if (id == null) {
      errors.putIfAbsent("electronicAddress.id", "is required");
    }
    return new Seller.ElectronicAddress(scheme, id);
  }

  private static String alphanumerics(String prefix) {
    return prefix.replaceAll("[^A-Za-z0-9]", "");
  }

  private static String prefix(String value, String field, Map<String, String> errors) {
    if (value == null) {
      return null;
    }
    if (!DocumentNumber.PREFIX.matcher(value).matches()) {
      errors.put(
          field, "must be 1 to 16 letters, digits or - / _ . , starting with one of the first two");
      return null;
    }
    return value;
  }

  private static BigDecimal rate(String value, Map<String, String> errors) {
    if (value == null) {
      return null;
    }
    try {
      BigDecimal rate = new BigDecimal(value.strip());
      if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
        errors.put("defaultTaxRate", "must be a fraction between 0 and 1 (0.075 is 7.5 %)");
      } else if (rate.stripTrailingZeros().scale() > 6) {
        errors.put("defaultTaxRate", "has more than 6 decimals");
      }
      return rate;
    } catch (NumberFormatException e) {
      errors.put("defaultTaxRate", "is not a decimal number");
      return null;
    }
  }

  private static String text(String value, String field, int max, Map<String, String> errors) {
    if (value == null) {
      return null;
    }
    String stripped = value.strip();
    if (stripped.isEmpty()) {
      return null;
    }
    if (stripped.length() > max) {
      errors.put(field, "is longer than " + max + " characters");
    }
    return stripped;
  }
}
