package io.ledgerline.platform.service.web;

import io.ledgerline.platform.service.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Keyset paging for lists ordered by (time, id), newest first, and the query parameters such lists
 * take. A bad parameter is a 400 {@code invalid-query} problem.
 */
public final class Paging {

  private Paging() {}

  /** Where the next page starts: the last row's time and id, opaque to clients (base64url). */
  public record Cursor(Instant at, UUID id) {

    public String encode() {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static @Nullable Cursor decode(@Nullable String cursor) {
      if (cursor == null) {
        return null;
      }
      try {
        String[] parts =
            new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
        return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
      } catch (RuntimeException e) {
        throw invalidQuery("cursor is not one this API gave out.");
      }
    }
  }

  /** The page size asked for, or the default; between 1 and {@code max}. */
  public static int limit(@Nullable Integer requested, int defaultLimit, int max) {
    int size = requested == null ? defaultLimit : requested;
    if (size < 1 || size > max) {
      throw invalidQuery("limit must be between 1 and " + max + ".");
    }
    return size;
  }

  /** An ISO-8601 instant parameter, or null when absent. */
  public static @Nullable Instant instant(@Nullable String value, String name) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw invalidQuery(name + " must be an ISO-8601 instant.");
    }
  }

  public static ProblemException invalidQuery(String detail) {
    return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-query", "Invalid query", detail);
  }
}
