package io.ledgerline.invoice.invoice;

/** The client as it was when the invoice was issued: an invoice never changes with the client. */
public record ClientSnapshot(
    String id, String name, String email, String phone, String taxId, PostalAddress address) {

  public ClientSnapshot {
    if (id == null || id.isBlank()) {
      throw new InvalidInvoice("an invoice needs a client id");
    }
  }
}
