package io.ledgerline.invoice.invoice;

/**
 * The platform object an invoice comes from. {@link #key()} identifies it within a tenant: one
 * source, at most one invoice. {@code reference} is the number people see (#1001), {@code eventId}
 * the event that caused the invoice, {@code accountId} the platform account's identity (shop
 * domain, merchant id) when the source names it.
 */
public record SourceReference(
    String platform,
    String connectionId,
    String externalId,
    String reference,
    String eventId,
    String accountId) {

  public SourceReference {
    if (isBlank(platform) || isBlank(connectionId) || isBlank(externalId)) {
      throw new InvalidInvoice("an invoice needs its source platform, connection and external id");
    }
  }

  public SourceReference(
      String platform, String connectionId, String externalId, String reference, String eventId) {
    this(platform, connectionId, externalId, reference, eventId, null);
  }

  /**
   * The one place that says which source object this is: the invoice's unique key, and what a
   * credit that arrives before its invoice waits under. Today the connection scopes the external
   * id; to key on the platform account instead, change only this (and migrate stored keys).
   */
  public String key() {
    return platform + ":" + connectionId + ":" + externalId;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
