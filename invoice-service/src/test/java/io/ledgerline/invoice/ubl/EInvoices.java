package io.ledgerline.invoice.ubl;

import io.ledgerline.invoice.invoice.ClientSnapshot;
import io.ledgerline.invoice.invoice.CreditNote;
import io.ledgerline.invoice.invoice.CreditRequest;
import io.ledgerline.invoice.invoice.DocumentNumber;
import io.ledgerline.invoice.invoice.Invoice;
import io.ledgerline.invoice.invoice.InvoicingTerms;
import io.ledgerline.invoice.invoice.IssueRequest;
import io.ledgerline.invoice.invoice.LineRequest;
import io.ledgerline.invoice.invoice.LineTax;
import io.ledgerline.invoice.invoice.Origin;
import io.ledgerline.invoice.invoice.PostalAddress;
import io.ledgerline.invoice.invoice.Seller;
import io.ledgerline.invoice.invoice.SourceKind;
import io.ledgerline.invoice.invoice.SourceReference;
import io.ledgerline.invoice.invoice.TaxCategory;
import io.ledgerline.invoice.invoice.TaxTerms;
import io.ledgerline.invoice.invoice.UntaxedLines;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/** Test data for exports: a Nigerian seller, a buyer, invoices issued by the domain's own rules. */
final class EInvoices {

  static final Seller SELLER =
      new Seller(
          "Demo Coffee Ltd",
          "Demo Coffee",
          "12345678-0001",
          new PostalAddress("1 Marina", null, "Lagos", "Lagos", "101001", "NG"),
          "billing@demo.example",
          "+2348000000000",
          new Seller.BankDetails("Demo Bank", "Demo Coffee Ltd", "0123456789", null, null),
          null);

  static final Seller B2B_SELLER =
      new Seller(
          SELLER.legalName(),
          SELLER.tradingName(),
          SELLER.taxId(),
          SELLER.address(),
          SELLER.email(),
          SELLER.phone(),
          new Seller.BankDetails(
              "Demo Bank", "Demo Coffee Ltd", null, "DE89370400440532013000", "COBADEFFXXX"),
          new Seller.ElectronicAddress("0088", "5901234123457"));

  static final ClientSnapshot BUYER =
      new ClientSnapshot(
          "client-1",
          "Ada Lovelace Ltd",
          "ada@example.com",
          null,
          "98765432-0001",
          new PostalAddress("2 Broad St", null, "Lagos", null, null, "NG"));

  static final ClientSnapshot B2B_BUYER =
      BUYER.withElectronicAddress(new Seller.ElectronicAddress("0088", "7312345000014"));

  private EInvoices() {}

  static Invoice invoice(
      Seller seller, ClientSnapshot buyer, UntaxedLines untaxed, List<LineRequest> lines) {
    InvoicingTerms terms =
        new InvoicingTerms(
            seller,
            ZoneId.of("Africa/Lagos"),
            "INV-",
            "CN-",
            30,
            new TaxTerms(new BigDecimal("0.075"), untaxed));
    IssueRequest request =
        new IssueRequest(
            "tenant-1",
            new SourceReference("SHOPIFY", "conn-1", "order-1", "#1001", "event-1"),
            SourceKind.SALE,
            buyer,
            Currency.getInstance("NGN"),
            false,
            lines,
            new LineRequest(
                "Shipping",
                null,
                BigDecimal.ONE,
                new BigDecimal("1500.00"),
                null,
                LineTax.unstated(),
                null),
            Instant.parse("2026-11-20T10:30:00Z"),
            null,
            List.of());
    return Invoice.issue(UUID.randomUUID(), new DocumentNumber("INV-", 7), request, terms);
  }

  static Invoice invoice() {
    return invoice(SELLER, BUYER, UntaxedLines.DEFAULT_RATE, lines());
  }

  static List<LineRequest> lines() {
    return List.of(
        new LineRequest(
            "Widget",
            "W-1",
            new BigDecimal("2"),
            new BigDecimal("5000.00"),
            new BigDecimal("500.00"),
            new BigDecimal("0.075")),
        new LineRequest(
            "Gadget",
            "G-1",
            new BigDecimal("3"),
            new BigDecimal("333.33"),
            null,
            new BigDecimal("0.075")));
  }

  static List<LineRequest> mixedLines() {
    return List.of(
        new LineRequest(
            "Widget",
            "W-1",
            new BigDecimal("1"),
            new BigDecimal("1000.00"),
            null,
            new BigDecimal("0.075")),
        new LineRequest(
            "Medicine",
            "M-1",
            new BigDecimal("1"),
            new BigDecimal("800.00"),
            null,
            new LineTax(
                false, null, null, TaxCategory.EXEMPT, "Medical goods (VAT Act, First Schedule)"),
            null),
        new LineRequest(
            "Bread",
            "B-1",
            new BigDecimal("4"),
            new BigDecimal("250.00"),
            null,
            new LineTax(false, null, null, TaxCategory.ZERO_RATED, null),
            null));
  }

  static CreditNote credit(Invoice invoice, CreditRequest request) {
    return invoice.credit(
        UUID.randomUUID(),
        new DocumentNumber("CN-", 3),
        request,
        List.of(),
        LocalDate.of(2026, 11, 25));
  }

  static CreditRequest amount(String amount) {
    return new CreditRequest(
        "refund-1",
        "Goodwill",
        false,
        List.of(),
        null,
        List.of(),
        new BigDecimal(amount),
        Instant.parse("2026-11-25T09:00:00Z"),
        Origin.API,
        null);
  }

  static CreditRequest full() {
    return new CreditRequest(
        "void:order-1",
        "Cancelled",
        true,
        List.of(),
        null,
        List.of(),
        null,
        Instant.parse("2026-11-25T09:00:00Z"),
        Origin.API,
        null);
  }
}
