package io.ledgerline.invoice.pdf;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Printed invoices and credit notes, read back with PDFBox. */
class PrintedDocumentTest {

  static final Seller SELLER =
      new Seller(
          "Demo Coffee Ltd",
          "Demo Coffee",
          "12345678-0001",
          new PostalAddress("1 Marina", "Floor 3", "Lagos", "Lagos", "101001", "NG"),
          "billing@demo.example",
          "+234 800 000 0000",
          new Seller.BankDetails("Demo Bank", "Demo Coffee Ltd", "0123456789", null, "DEMONGLA"),
          null);

  static final ClientSnapshot BUYER =
      new ClientSnapshot(
          "client-1",
          "Adaeze Okafor & Sons Ltd",
          "ada@example.com",
          null,
          "98765432-0001",
          new PostalAddress("2 Broad St", null, "Lagos", null, null, "NG"));

  static Invoice invoice() {
    InvoicingTerms terms =
        new InvoicingTerms(
            SELLER,
            ZoneId.of("Africa/Lagos"),
            "INV-",
            "CN-",
            30,
            new TaxTerms(new BigDecimal("0.075"), UntaxedLines.DEFAULT_RATE));
    IssueRequest request =
        new IssueRequest(
            "tenant-1",
            new SourceReference("SHOPIFY", "conn-1", "order-1", "#1001", "event-1"),
            SourceKind.SALE,
            BUYER,
            Currency.getInstance("NGN"),
            false,
            List.of(
                new LineRequest(
                    "Single-origin coffee beans, 1 kg",
                    "BEAN-1",
                    new BigDecimal("2"),
                    new BigDecimal("5000.00"),
                    new BigDecimal("500.00"),
                    new BigDecimal("0.075")),
                new LineRequest(
                    "Paracetamol 500 mg",
                    "MED-1",
                    new BigDecimal("3"),
                    new BigDecimal("333.33"),
                    null,
                    new LineTax(false, null, null, TaxCategory.EXEMPT, "Medical goods"),
                    null)),
            new LineRequest(
                "Shipping",
                null,
                BigDecimal.ONE,
                new BigDecimal("1000.00"),
                null,
                LineTax.unstated(),
                null),
            Instant.parse("2026-11-20T10:30:00Z"),
            null,
            List.of());
    return Invoice.issue(UUID.randomUUID(), new DocumentNumber("INV-", 42), request, terms);
  }

  @Test
  void anInvoicePdfHasSellerBuyerLinesVatBreakdownTotalsInWordsAndPaymentInstructions()
      throws IOException {
    Invoice invoice = invoice();
    byte[] pdf = PdfRenderer.render(PrintedDocument.invoice(invoice, null));
    keep(pdf, "invoice.pdf");

    String text = text(pdf);
    assertThat(text)
        .contains("Invoice")
        .contains("INV-000042")
        .contains("20 November 2026")
        .contains("20 December 2026")
        .contains("Demo Coffee Ltd")
        .contains("TIN 12345678-0001")
        .contains("Adaeze Okafor & Sons Ltd")
        .contains("Single-origin coffee beans, 1 kg")
        .contains("Paracetamol 500 mg")
        .contains("Shipping")
        .contains("Standard rated")
        .contains("Exempt")
        .contains("10,500.00")
        .contains("NGN 12,287.49")
        .contains("Twelve thousand two hundred eighty-seven naira and forty-nine kobo only")
        .contains("0123456789")
        .contains("quoting INV-000042");
    assertThat(fontsEmbedded(pdf)).isTrue();
  }

  @Test
  void aCreditNotePdfNamesTheInvoiceItCredits() throws IOException {
    Invoice invoice = invoice();
    CreditNote note =
        invoice.credit(
            UUID.randomUUID(),
            new DocumentNumber("CN-", 3),
            new CreditRequest(
                "refund-1",
                "Damaged in transit",
                false,
                List.of(),
                null,
                List.of(),
                new BigDecimal("1075.00"),
                Instant.parse("2026-11-25T09:00:00Z"),
                Origin.API,
                null),
            List.of(),
            LocalDate.of(2026, 11, 25));
    byte[] pdf = PdfRenderer.render(PrintedDocument.creditNote(note, invoice, null));
    keep(pdf, "credit-note.pdf");

    assertThat(text(pdf))
        .contains("Credit note")
        .contains("CN-000003")
        .contains("Credits invoice")
        .contains("INV-000042")
        .contains("Damaged in transit")
        .contains("NGN 1,075.00")
        .contains("One thousand seventy-five naira only");
  }

  @Test
  void aQrCodeIsPrintedWithItsCaption() throws IOException {
    byte[] png = QrCodes.png("x".repeat(344));
    byte[] pdf =
        PdfRenderer.render(
            PrintedDocument.invoice(
                invoice(), new PrintedDocument.Qr(png, "INV000042-94ND90NR-20261120")));
    keep(pdf, "invoice-qr.pdf");

    assertThat(text(pdf)).contains("INV000042-94ND90NR-20261120");
    assertThat(images(pdf)).isEqualTo(1);
  }

  @Test
  void amountsInWords() {
    assertThat(AmountInWords.of(new BigDecimal("0.05"), Currency.getInstance("NGN")))
        .isEqualTo("Zero naira and five kobo");
    assertThat(AmountInWords.of(new BigDecimal("1000000"), Currency.getInstance("JPY")))
        .isEqualTo("One million JPY");
    assertThat(AmountInWords.of(new BigDecimal("2019.10"), Currency.getInstance("USD")))
        .isEqualTo("Two thousand nineteen US dollars and ten cents");
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(document).replaceAll("\\s+", " ");
    }
  }

  private static int images(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      return images(document.getPage(0).getResources());
    }
  }

  private static int images(org.apache.pdfbox.pdmodel.PDResources resources) throws IOException {
    int count = 0;
    for (var name : resources.getXObjectNames()) {
      var object = resources.getXObject(name);
      if (object instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) {
        count++;
      } else if (object instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) {
        count += images(form.getResources());
      }
    }
    return count;
  }

  private static boolean fontsEmbedded(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      var resources = document.getPage(0).getResources();
      boolean any = false;
      for (var name : resources.getFontNames()) {
        PDFont font = resources.getFont(name);
        any = true;
        if (!font.isEmbedded()) {
          return false;
        }
      }
      return any;
    }
  }

  /** Leaves the PDF in target/ so a person can look at it. */
  private static void keep(byte[] pdf, String name) throws IOException {
    Path dir = Path.of("target", "pdf");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name), pdf);
  }
}
