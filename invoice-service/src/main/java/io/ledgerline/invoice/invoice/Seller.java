package io.ledgerline.invoice.invoice;

/**
 * The seller as the tenant's settings described it when an invoice was issued: every invoice keeps
 * its own snapshot, so later changes to the settings never alter an issued invoice.
 */
public record Seller(
    String legalName,
    String tradingName,
    String taxId,
    PostalAddress address,
    String email,
    String phone,
    BankDetails bank,
    ElectronicAddress electronicAddress) {

  /** Bank details for the payment instructions. */
  public record BankDetails(
      String bankName, String accountName, String accountNumber, String iban, String bic) {}

  /** An electronic address (EN 16931 BT-34): an EAS scheme code (0088, 0192, EM, ...) and id. */
  public record ElectronicAddress(String scheme, String id) {}
}
