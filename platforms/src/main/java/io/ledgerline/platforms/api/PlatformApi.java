package io.ledgerline.platforms.api;

import java.time.Instant;
import java.util.List;

/**
 * How a platform's objects are read through its API ({@link
 * io.ledgerline.platforms.Platform.Part#API}): one object a thin webhook named, or the objects
 * changed since a cursor, page by page, each normalized by the same code as a webhook carrying that
 * object. Pure apart from the {@link ApiClient} it is given; thread-safe.
 */
public interface PlatformApi {

  /** The object types a pull reads ({@code deal}, {@code order}, {@code sale}); never empty. */
  List<String> pullTypes();

  /**
   * Fetches the object a sync request names and normalizes it.
   *
   * @throws ObjectGone when the object does not exist (any more)
   * @throws ApiFailure when the platform answers in a way its API does not document
   * @throws io.ledgerline.platforms.normalization.NormalizationFailed when the object cannot be
   *     made an event (bad data on the platform)
   */
  Fetched fetch(ApiClient client, ApiContext context, ObjectRef ref);

  /** The cursor of a pull of {@code objectType} changed at or after {@code since}. */
  default String start(String objectType, Instant since) {
    return Cursor.since(since).text();
  }

  /**
   * Reads one page from {@code cursor} and normalizes its objects.
   *
   * @throws IllegalArgumentException for an object type not in {@link #pullTypes()} or a cursor
   *     this platform did not make
   */
  Page page(ApiClient client, ApiContext context, String objectType, String cursor);
}
