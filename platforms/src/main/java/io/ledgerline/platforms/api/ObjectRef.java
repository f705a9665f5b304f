package io.ledgerline.platforms.api;

import java.util.Objects;

/**
 * An object a thin webhook named, as the sync request carries it.
 *
 * @param objectType the platform's object type ({@code deal}, {@code Opportunity}, {@code order})
 * @param externalId its id on the platform
 * @param action what the platform said happened ({@code propertyChange}, {@code deletion}, ...)
 */
public record ObjectRef(String objectType, String externalId, String action) {

  public ObjectRef {
    Objects.requireNonNull(objectType, "objectType");
    Objects.requireNonNull(externalId, "externalId");
    Objects.requireNonNull(action, "action");
  }
}
