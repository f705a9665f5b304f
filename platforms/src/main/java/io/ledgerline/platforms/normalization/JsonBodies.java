package io.ledgerline.platforms.normalization;

import io.ledgerline.events.Amounts;
import io.ledgerline.events.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading fields out of platform JSON. Amounts are read from their decimal lexemes (never through a
 * double) and bounded before they are scaled: the contracts hold at most 15 integer digits and 4
 * places, and an exponent like {@code 1e999999999} must fail fast rather than make a billion-digit
 * number.
 */
public final class JsonBodies {

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final int MAX_INTEGER_DIGITS = 15;
  private static final DateTimeFormatter SPACED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSS]", Locale.ROOT);

  private JsonBodies() {}

  public static JsonNode parse(byte[] body) {
    return parse(body, 0, body.length);
  }

  public static JsonNode parse(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw NormalizationFailed.malformed("body is empty");
      }
      return node;
    } catch (JacksonException e) {
      throw NormalizationFailed.malformed("body is not valid JSON");
    }
  }

  private static JsonNode parse(byte[] body, int offset, int length) {
    try {
      JsonNode node = JSON.readTree(body, offset, length);
      if (node == null || node.isMissingNode()) {
        throw NormalizationFailed.malformed("body is empty");
      }
      return node;
    } catch (JacksonException e) {
      throw NormalizationFailed.malformed("body is not valid JSON");
    }
  }

  public static JsonNode parseObject(byte[] body) {
    JsonNode node = parse(body);
    if (!node.isObject()) {
      throw new NormalizationFailed("body is not a JSON object");
    }
    return node;
  }

  /** A string, or an integral number written out in full; empty if absent, blank or other. */
  public static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    String text;
    if (value.isString()) {
      text = value.asString().trim();
    } else if (value.isIntegralNumber()) {
      text = value.bigIntegerValue().toString();
    } else if (value.isNumber()) {
      // Plain digits only for a sane exponent: 1e999999999 written out would fill the heap.
      BigDecimal decimal = value.decimalValue();
      text = Math.abs((long) decimal.scale()) <= 64 ? decimal.toPlainString() : decimal.toString();
    } else {
      return Optional.empty();
    }
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  public static String required(JsonNode node, String field, String what) {
    return text(node, field).orElseThrow(() -> new NormalizationFailed(what + " has no " + field));
  }

  /** A decimal from a JSON number or numeric string, bounded to what the contracts can hold. */
  public static Optional<BigDecimal> decimal(JsonNode node, String field) {
    return number(node, field).map(decimal -> bounded(decimal, Amounts.SCALE, field));
  }

  /**
   * A decimal rounded half-even to the contract's 4 places, for platforms that keep more (X-Series
   * stores tax-exclusive prices such as 3.47826 behind a tax-inclusive 4.00).
   */
  public static Optional<BigDecimal> roundedDecimal(JsonNode node, String field) {
    return number(node, field)
        .map(
            decimal ->
                bounded(decimal, 12, field)
                    .setScale(Amounts.SCALE, java.math.RoundingMode.HALF_EVEN));
  }

  /** A rate (fraction) from a number or numeric string, rounded half-even to 6 places. */
  public static Optional<BigDecimal> decimalRate(JsonNode node, String field) {
    return number(node, field)
        .map(
            decimal ->
                bounded(decimal, 12, field)
                    .setScale(Amounts.RATE_SCALE, java.math.RoundingMode.HALF_EVEN));
  }

  /** A JSON number or numeric string as it is, unbounded: callers bound it before scaling. */
  private static Optional<BigDecimal> number(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isNumber()) {
      return Optional.of(value.decimalValue());
    }
    if (value.isString() && !value.asString().isBlank()) {
      return Optional.of(parseDecimal(value.asString().trim()));
    }
    return Optional.empty();
  }

  public static BigDecimal parseDecimal(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new NormalizationFailed("an amount is not a number");
    }
  }

  /** The value with trailing zeros gone, if it fits {@code scale} places and 15 integer digits. */
  public static BigDecimal bounded(BigDecimal value, int scale, String field) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() > scale) {
      throw new NormalizationFailed(field + " has more than " + scale + " decimal places");
    }
    if (stripped.signum() != 0 && stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
      throw new NormalizationFailed(field + " is too large");
    }
    return stripped;
  }

  public static Money money(BigDecimal amount, String currency) {
    return Amounts.money(bounded(amount, Amounts.SCALE, "amount"), currency);
  }

  /** A missing amount is zero: platforms leave out what does not apply. */
  public static Money moneyOrZero(JsonNode node, String field, String currency) {
    return Amounts.money(decimal(node, field).orElse(BigDecimal.ZERO), currency);
  }

  /** An ISO 4217 code, upper case; fails for anything the JDK does not know. */
  public static String currency(String code) {
    String upper = code.trim().toUpperCase(Locale.ROOT);
    try {
      java.util.Currency.getInstance(upper);
    } catch (IllegalArgumentException e) {
      throw new NormalizationFailed("unknown currency");
    }
    return upper;
  }

  /** Minor units (integer cents, yen, fils...) as an amount in the currency's major unit. */
  public static BigDecimal fromMinorUnits(JsonNode amount, String currency) {
    if (!amount.isIntegralNumber()) {
      throw new NormalizationFailed("an amount in minor units is not an integer");
    }
    BigInteger minor = amount.bigIntegerValue();
    if (minor.abs().bitLength() > 62) {
      throw new NormalizationFailed("amount is too large");
    }
    int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
    if (digits < 0) {
      throw new NormalizationFailed("currency has no minor unit");
    }
    return bounded(new BigDecimal(minor, digits), Amounts.SCALE, "amount");
  }

  /**
   * An instant from ISO-8601 with an offset, or the older {@code yyyy-MM-dd HH:mm:ss} (read as
   * UTC), or epoch seconds / milliseconds as a number.
   */
  public static Optional<Instant> instant(JsonNode node, String field) {
    JsonNode value = node.path(field);
    try {
      if (value.isIntegralNumber()) {
        return Optional.of(epoch(value.bigIntegerValue()));
      }
      Optional<String> text = text(node, field);
      if (text.isEmpty()) {
        return Optional.empty();
      }
      String t = text.get();
      if (t.chars().allMatch(Character::isDigit) && t.length() <= 16) {
        return Optional.of(epoch(new BigInteger(t)));
      }
      if (t.length() > 10 && t.charAt(10) == ' ') {
        return Optional.of(LocalDateTime.parse(t, SPACED).toInstant(ZoneOffset.UTC));
      }
      return Optional.of(OffsetDateTime.parse(t).toInstant());
    } catch (DateTimeException | ArithmeticException e) {
      throw new NormalizationFailed(field + " is not a time");
    }
  }

  /** Seconds or milliseconds since the epoch: below 10^11 are seconds (until the year 5138). */
  public static Instant epoch(BigInteger value) {
    if (value.signum() < 0 || value.bitLength() > 52) {
      throw new NormalizationFailed("a timestamp is out of range");
    }
    long n = value.longValue();
    return n < 100_000_000_000L ? Instant.ofEpochSecond(n) : Instant.ofEpochMilli(n);
  }
}
