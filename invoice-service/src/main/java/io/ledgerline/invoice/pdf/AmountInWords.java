package io.ledgerline.invoice.pdf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Map;

/**
 * An amount as words for the "amount in words" line of a printed invoice, in English: {@code
 * 11287.50 NGN} is "Eleven thousand two hundred eighty-seven naira and fifty kobo". Currencies
 * without names here are spelled with their code ("… USD and 50/100" style is avoided: the minor
 * part is in words too).
 */
public final class AmountInWords {

  private static final String[] ONES = {
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen"
  };
  private static final String[] TENS = {
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"
  };
  private static final String[] SCALES = {"", "thousand", "million", "billion", "trillion"};

  /** major unit, minor unit. */
  private static final Map<String, String[]> NAMES =
      Map.of(
          "NGN", new String[] {"naira", "kobo"},
          "USD", new String[] {"US dollars", "cents"},
          "EUR", new String[] {"euro", "cent"},
          "GBP", new String[] {"pounds sterling", "pence"},
          "GHS", new String[] {"Ghana cedis", "pesewas"},
          "KES", new String[] {"Kenyan shillings", "cents"},
          "ZAR", new String[] {"rand", "cents"});

  private AmountInWords() {}

  public static String of(BigDecimal amount, Currency currency) {
    int digits = Math.max(0, currency.getDefaultFractionDigits());
    BigDecimal rounded = amount.abs().setScale(digits, RoundingMode.HALF_UP);
    long major = rounded.longValue();
    long minor = rounded.subtract(BigDecimal.valueOf(major)).movePointRight(digits).longValue();
    String[] names = NAMES.getOrDefault(currency.getCurrencyCode(), null);
    String majorName = names == null ? currency.getCurrencyCode() : names[0];
    StringBuilder words = new StringBuilder(words(major)).append(' ').append(majorName);
    if (minor > 0) {
      words.append(" and ").append(words(minor));
      words.append(' ').append(names == null ? "hundredths" : names[1]);
    }
    if (amount.signum() < 0) {
      words.insert(0, "minus ");
    }
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  static String words(long n) {
    if (n == 0) {
      return ONES[0];
    }
    StringBuilder out = new StringBuilder();
    int scale = 0;
    while (n > 0) {
      int chunk = (int) (n % 1000);
      if (chunk > 0) {
        String part = belowThousand(chunk) + (SCALES[scale].isEmpty() ? "" : " " + SCALES[scale]);
        out.insert(0, out.length() == 0 ? part : part + " ");
      }
      n /= 1000;
      scale++;
    }
    return out.toString();
  }

  private static String belowThousand(int n) {
    StringBuilder out = new StringBuilder();
    if (n >= 100) {
      out.append(ONES[n / 100]).append(" hundred");
      n %= 100;
      if (n > 0) {
        out.append(' ');
      }
    }
    if (n >= 20) {
      out.append(TENS[n / 10]);
      if (n % 10 > 0) {
        out.append('-').append(ONES[n % 10]);
      }
    } else if (n > 0) {
      out.append(ONES[n]);
    }
    return out.toString();
  }
}
