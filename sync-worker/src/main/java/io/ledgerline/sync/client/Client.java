package io.ledgerline.sync.client;

import java.util.Objects;
import java.util.UUID;

/**
 * A tenant's client. {@code platform} and {@code externalCustomerId} say where we first (or last)
 * saw it with a customer id, for matching sales that carry no e-mail.
 */
public record Client(
    UUID id, String tenantId, String platform, String externalCustomerId, ClientDetails details) {

  public Client {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(details, "details");
  }

  Client updatedWith(Customer customer) {
    boolean takesCustomerId = customer.externalId() != null && externalCustomerId == null;
    return new Client(
        id,
        tenantId,
        takesCustomerId ? customer.platform() : platform,
        takesCustomerId ? customer.externalId() : externalCustomerId,
        details.updatedWith(customer.details()));
  }
}
