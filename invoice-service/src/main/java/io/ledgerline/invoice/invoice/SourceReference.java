package io.ledgerline.invoice.invoice;

/**
 * The platform object an invoice comes from. {@code (tenant, platform, connectionId, externalId)}
 * identifies it: one source, at most one invoice. {@code reference} is the number people see
 * (#1001), {@code eventId} the event that caused the invoice.
 */
public record SourceReference(
    String platform, String connectionId, String externalId, String reference, String eventId) {

  public SourceReference {
    if (isBlank(platform) || isBlank(connectionId) || isBlank(externalId)) {
      throw new InvalidInvoice("an invoice needs its source platform, connection and external id");
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
