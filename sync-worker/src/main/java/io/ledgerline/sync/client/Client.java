package io.ledgerline.sync.client;

import java.util.Objects;
import java.util.UUID;

/**
 * A tenant's client. {@code platform} and {@code externalCustomerId} say where we first saw it with
 * a customer id; its matching keys (several e-mails, one id per platform) are kept beside it
 * ({@link Clients#keysOf}). {@code mergedInto} is set once it was merged into another client;
 * {@code walkIn} marks the tenant's one client for anonymous sales.
 */
public record Client(
    UUID id,
    String tenantId,
    String platform,
    String externalCustomerId,
    ClientDetails details,
    UUID mergedInto,
    boolean walkIn) {

  /** The name of the client that anonymous sales are invoiced to. */
  public static final String WALK_IN_NAME = "Walk-in customer";

  public Client {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(details, "details");
  }

  public Client(
      UUID id, String tenantId, String platform, String externalCustomerId, ClientDetails details) {
    this(id, tenantId, platform, externalCustomerId, details, null, false);
  }

  Client updatedWith(Customer customer) {
    boolean takesCustomerId = customer.externalId() != null && externalCustomerId == null;
    return new Client(
        id,
        tenantId,
        takesCustomerId ? customer.platform() : platform,
        takesCustomerId ? customer.externalId() : externalCustomerId,
        details.updatedWith(customer.details()),
        mergedInto,
        walkIn);
  }
}
