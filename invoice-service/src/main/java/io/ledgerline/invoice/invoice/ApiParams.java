package io.ledgerline.invoice.invoice;

import io.ledgerline.platform.service.problem.ProblemException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** Parsing of the invoice API's parameters, each failure a 400 naming the parameter. */
final class ApiParams {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private ApiParams() {}

  static int limit(Integer limit) {
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw invalid("limit must be between 1 and " + MAX_LIMIT + ".");
    }
    return size;
  }

  static Long cursor(String cursor) {
    if (cursor == null) {
      return null;
    }
    try {
      long value = Long.parseLong(cursor);
      if (value < 1) {
        throw invalid("cursor is not valid.");
      }
      return value;
    } catch (NumberFormatException e) {
      throw invalid("cursor is not valid.");
    }
  }

  static LocalDate date(String value, String name) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw invalid(name + " must be a date (YYYY-MM-DD).");
    }
  }

  static UUID uuid(String value, String name) {
    if (value == null) {
      return null;
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw invalid(name + " is not an id.");
    }
  }

  static BigDecimal decimal(String value, String name) {
    if (value == null) {
      return null;
    }
    try {
      return new BigDecimal(value.strip());
    } catch (NumberFormatException e) {
      throw invalid(name + " must be a decimal string such as \"10.00\".");
    }
  }

  /** An id in a path: one that is not a UUID names nothing (404, like another tenant's). */
  static UUID pathId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new InvoiceNotFound();
    }
  }

  static <E extends Enum<E>> E enumValue(Class<E> type, String value, String name) {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw invalid(name + " is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  static ProblemException invalid(String detail) {
    return new ProblemException(
        HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
  }
}
