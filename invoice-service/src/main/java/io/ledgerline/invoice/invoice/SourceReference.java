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
   * credit that arrives before its invoice waits under. The platform account (shop, org, merchant,
   * portal) scopes the external id when the source names it, so two connections of one account (or
   * the account connected again) make one invoice per sale; otherwise the connection does.
   */
  public String key() {
    return isBlank(accountId) ? legacyKey() : platform + ":account:" + accountId + ":" + externalId;
  }

  /**
   * The key before issue 12 (the connection scopes the external id): invoices issued from events
   * that did not name their account are stored under it, and a later event of the same sale that
   * does name it must find them.
   */
  public String legacyKey() {
    return platform + ":" + connectionId + ":" + externalId;
  }

  /** The keys this source may be stored under, the current one first. */
  public java.util.List<String> keys() {
    return key().equals(legacyKey())
        ? java.util.List.of(key())
        : java.util.List.of(key(), legacyKey());
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
