package io.ledgerline.invoice.ubl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.invoice.invoice.ClientSnapshot;
import io.ledgerline.invoice.invoice.CreditNote;
import io.ledgerline.invoice.invoice.Invoice;
import io.ledgerline.invoice.invoice.PostalAddress;
import io.ledgerline.invoice.invoice.UntaxedLines;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The mapping against the real EN 16931 and Peppol rules (phive), without Spring. */
class UblMappingTest {

  @Test
  void anInvoiceIsValidEn16931WithPrefixedVatIdsAndItsVatBreakdown() {
    Invoice invoice = EInvoices.invoice();
    byte[] xml = UblXml.invoice(invoice);
    String text = new String(xml, StandardCharsets.UTF_8);

    assertThat(Phive.en16931InvoiceErrors(xml)).isEmpty();
    assertThat(text)
        .contains("<cbc:CustomizationID>" + UblMapping.CUSTOMIZATION_ID)
        .contains("<cbc:ProfileID>" + UblMapping.PROFILE_ID)
        .contains("<cbc:CompanyID>NG12345678-0001</cbc:CompanyID>")
        .contains("<cbc:CompanyID>NG98765432-0001</cbc:CompanyID>")
        .contains("<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>")
        .contains("<cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>");
  }

  @Test
  void mixedStandardExemptAndZeroRatedLinesAreValid() {
    Invoice invoice =
        EInvoices.invoice(
            EInvoices.SELLER, EInvoices.BUYER, UntaxedLines.DEFAULT_RATE, EInvoices.mixedLines());
    byte[] xml = UblXml.invoice(invoice);

    assertThat(Phive.en16931InvoiceErrors(xml)).isEmpty();
    assertThat(new String(xml, StandardCharsets.UTF_8))
        .contains("Medical goods (VAT Act, First Schedule)");
  }

  @Test
  void anInvoiceNotSubjectToVatIsValidWithoutVatIdentifiers() {
    Invoice invoice =
        EInvoices.invoice(
            EInvoices.SELLER,
            EInvoices.BUYER,
            UntaxedLines.NOT_TAXED,
            java.util.List.of(
                new io.ledgerline.invoice.invoice.LineRequest(
                    "Consulting",
                    null,
                    java.math.BigDecimal.ONE,
                    new java.math.BigDecimal("100.00"),
                    null,
                    (java.math.BigDecimal) null)));
    byte[] xml = UblXml.invoice(invoice);

    assertThat(Phive.en16931InvoiceErrors(xml)).isEmpty();
  }

  @Test
  void aB2bInvoiceWithBothElectronicAddressesIsValidPeppol() {
    Invoice invoice =
        EInvoices.invoice(
            EInvoices.B2B_SELLER,
            EInvoices.B2B_BUYER,
            UntaxedLines.DEFAULT_RATE,
            EInvoices.lines());
    byte[] xml = UblXml.invoice(invoice);

    assertThat(Phive.en16931InvoiceErrors(xml)).isEmpty();
    assertThat(Phive.peppolInvoiceErrors(xml)).isEmpty();
  }

  @Test
  void creditNotesReferToTheirInvoiceAndAreValid() {
    Invoice invoice =
        EInvoices.invoice(
            EInvoices.B2B_SELLER,
            EInvoices.B2B_BUYER,
            UntaxedLines.DEFAULT_RATE,
            EInvoices.mixedLines());
    for (CreditNote note :
        java.util.List.of(
            EInvoices.credit(invoice, EInvoices.amount("1000.00")),
            EInvoices.credit(invoice, EInvoices.full()))) {
      byte[] xml = UblXml.creditNote(note, invoice);

      assertThat(Phive.en16931CreditNoteErrors(xml)).isEmpty();
      assertThat(Phive.peppolCreditNoteErrors(xml)).isEmpty();
      assertThat(new String(xml, StandardCharsets.UTF_8))
          .contains("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>")
          .contains("<cbc:ID>INV-000007</cbc:ID>");
    }
  }

  @Test
  void whatEn16931RequiresAndTheInvoiceLacksIsNamedByBusinessTerm() {
    ClientSnapshot nowhere =
        new ClientSnapshot(
            "client-1",
            "Ada",
            "ada@example.com",
            null,
            null,
            new PostalAddress(null, null, "Lagos", null, null, null));
    Invoice invoice =
        EInvoices.invoice(null, nowhere, UntaxedLines.DEFAULT_RATE, EInvoices.lines());

    assertThatThrownBy(() -> UblMapping.invoice(invoice))
        .isInstanceOfSatisfying(
            MissingBusinessTerms.class,
            e -> assertThat(e.terms()).containsOnlyKeys("BT-27", "BT-40", "BT-31", "BT-55"));
  }

  @Test
  void vatIdentifiersCarryTheirCountryPrefix() {
    assertThat(UblMapping.vatIdentifier("12345678-0001", "NG")).isEqualTo("NG12345678-0001");
    assertThat(UblMapping.vatIdentifier("NG12345678-0001", "NG")).isEqualTo("NG12345678-0001");
    assertThat(UblMapping.vatIdentifier("DE 123 456 789", "DE")).isEqualTo("DE123456789");
  }
}
