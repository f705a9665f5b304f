package io.ledgerline.invoice.invoice;

/** The tenants' invoicing settings, with the service-wide defaults filled in. */
public interface InvoicingProfiles {

  /** The terms for a new document of a tenant, for a source of a connection (null: none). */
  InvoicingTerms termsFor(String tenantId, String connectionId);

  /** Where e-invoices reach a client of the tenant (BT-49), when the tenant set it. */
  default java.util.Optional<Seller.ElectronicAddress> clientElectronicAddress(
      String tenantId, String clientId) {
    return java.util.Optional.empty();
  }
}
