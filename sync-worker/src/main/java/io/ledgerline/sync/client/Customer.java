package io.ledgerline.sync.client;

import static io.ledgerline.sync.client.Cleaning.trimmed;

import java.util.Objects;

/** A buyer as one sale or deal names it: the platform's customer id (if any) and its details. */
public record Customer(String platform, String externalId, ClientDetails details) {

  public Customer {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(details, "details");
    externalId = trimmed(externalId);
  }

  /** Nothing at all says who bought: a walk-in sale. */
  boolean isAnonymous() {
    return externalId == null
        && details.email() == null
        && details.name() == null
        && details.phone() == null
        && details.taxId() == null
        && details.address() == null;
  }
}
