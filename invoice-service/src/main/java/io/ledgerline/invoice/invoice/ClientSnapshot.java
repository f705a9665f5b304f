package io.ledgerline.invoice.invoice;

/**
 * The client as it was when the invoice was issued: an invoice never changes with the client.
 * {@code electronicAddress} is where e-invoices reach the buyer (EN 16931 BT-49, a Peppol
 * participant), from the tenant's settings for that client; null when it has none.
 */
public record ClientSnapshot(
    String id,
    String name,
    String email,
    String phone,
    String taxId,
    PostalAddress address,
    Seller.ElectronicAddress electronicAddress) {

  public ClientSnapshot {
    if (id == null || id.isBlank()) {
      throw new InvalidInvoice("an invoice needs a client id");
    }
  }

  public ClientSnapshot(
      String id, String name, String email, String phone, String taxId, PostalAddress address) {
    this(id, name, email, phone, taxId, address, null);
  }

  public ClientSnapshot withElectronicAddress(Seller.ElectronicAddress address) {
    return new ClientSnapshot(id, name, email, phone, taxId, this.address, address);
  }
}
