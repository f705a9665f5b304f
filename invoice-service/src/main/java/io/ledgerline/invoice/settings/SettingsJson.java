package io.ledgerline.invoice.settings;

import io.ledgerline.invoice.invoice.InvoicingTerms;
import io.ledgerline.invoice.invoice.PostalAddress;
import io.ledgerline.invoice.invoice.Seller;
import io.ledgerline.invoice.invoice.UntaxedLines;

/**
 * The invoicing settings as the API reads and writes them: the seller's fields at the top level,
 * then how documents are made. {@code defaultTaxRate} is a decimal string ("0.075").
 */
record SettingsJson(
    String legalName,
    String tradingName,
    String taxId,
    PostalAddress address,
    String email,
    String phone,
    Seller.BankDetails bank,
    Seller.ElectronicAddress electronicAddress,
    String timeZone,
    String invoicePrefix,
    String creditNotePrefix,
    Integer paymentTermsDays,
    String defaultTaxRate,
    String untaxedLines) {

  /** The effective settings: the tenant's own, the service-wide defaults for the rest. */
  static SettingsJson of(InvoicingTerms terms) {
    Seller s =
        terms.seller() == null
            ? new Seller(null, null, null, null, null, null, null, null)
            : terms.seller();
    return new SettingsJson(
        s.legalName(),
        s.tradingName(),
        s.taxId(),
        s.address(),
        s.email(),
        s.phone(),
        s.bank(),
        s.electronicAddress(),
        terms.timeZone().getId(),
        terms.invoicePrefix(),
        terms.creditNotePrefix(),
        terms.paymentTermsDays(),
        terms.tax().defaultRate().stripTrailingZeros().toPlainString(),
        terms.tax().untaxedLines().name());
  }

  /** A connection's own rule for lines whose tax its platform does not state. */
  record ConnectionRule(String untaxedLines) {
    static ConnectionRule of(UntaxedLines rule) {
      return new ConnectionRule(rule.name());
    }
  }

  /** A client's e-invoicing settings: where its e-invoices go (BT-49, a Peppol participant). */
  record ClientSettings(Seller.ElectronicAddress electronicAddress) {}
}
