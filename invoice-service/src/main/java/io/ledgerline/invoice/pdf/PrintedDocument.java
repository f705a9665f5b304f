package io.ledgerline.invoice.pdf;

import io.ledgerline.invoice.invoice.ClientSnapshot;
import io.ledgerline.invoice.invoice.CreditNote;
import io.ledgerline.invoice.invoice.CreditNoteLine;
import io.ledgerline.invoice.invoice.Invoice;
import io.ledgerline.invoice.invoice.InvoiceLine;
import io.ledgerline.invoice.invoice.PostalAddress;
import io.ledgerline.invoice.invoice.Seller;
import io.ledgerline.invoice.invoice.TaxCategory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML of a printed invoice or credit note: the template {@code templates/document.html} with
 * its {@code {{slots}}} filled with escaped values. Framework-free; {@link PdfRenderer} renders it.
 * English, amounts grouped as the tenant's Nigerian default locale writes them (1,234.50).
 */
public final class PrintedDocument {

  private static final String TEMPLATE = template();
  private static final Pattern SLOT = Pattern.compile("\\{\\{(\\w+)}}");
  private static final Locale LOCALE = Locale.forLanguageTag("en-NG");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private PrintedDocument() {}

  /** A QR code to print (FIRS's, once the invoice has an IRN): the image and its caption. */
  public record Qr(byte[] png, String caption) {}

  public static String invoice(Invoice invoice, Qr qr) {
    Currency currency = invoice.currency();
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("title", "Invoice");
    slots.put("number", esc(invoice.number().toString()));
    slots.put("buyerLabel", "Bill to");
    StringBuilder meta = new StringBuilder();
    meta(meta, "Invoice number", invoice.number().toString());
    meta(meta, "Issue date", DATE.format(invoice.issueDate()));
    meta(meta, "Due date", DATE.format(invoice.dueDate()));
    if (invoice.source() != null && present(invoice.source().reference())) {
      meta(meta, "Order", invoice.source().reference());
    }
    meta(meta, "Currency", currency.getCurrencyCode());
    slots.put("meta", meta.toString());
    parties(slots, invoice.seller(), invoice.client());
    List<Row> rows = new ArrayList<>();
    for (InvoiceLine l : invoice.lines()) {
      rows.add(
          new Row(
              l.description(),
              l.sku(),
              l.quantity(),
              l.unitPrice(),
              l.discount(),
              l.taxRate(),
              l.taxCategory(),
              l.net(),
              l.tax(),
              l.gross()));
    }
    body(
        slots,
        rows,
        invoice.subtotal(),
        invoice.taxTotal(),
        invoice.total(),
        currency,
        "Total due");
    slots.put("payment", payment(invoice));
    slots.put("qr", qr(qr));
    return fill(slots);
  }

  public static String creditNote(CreditNote note, Invoice invoice, Qr qr) {
    Currency currency = note.currency();
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("title", "Credit note");
    slots.put("number", esc(note.number().toString()));
    slots.put("buyerLabel", "Credited to");
    StringBuilder meta = new StringBuilder();
    meta(meta, "Credit note number", note.number().toString());
    meta(meta, "Issue date", DATE.format(note.issueDate()));
    meta(meta, "Credits invoice", invoice.number().toString());
    meta(meta, "Invoice date", DATE.format(invoice.issueDate()));
    meta(meta, "Currency", currency.getCurrencyCode());
    slots.put("meta", meta.toString());
    parties(slots, invoice.seller(), invoice.client());
    List<Row> rows = new ArrayList<>();
    for (CreditNoteLine l : note.lines()) {
      boolean amountOnly = l.quantity().signum() == 0;
      rows.add(
          new Row(
              present(l.description()) ? l.description() : "Credit",
              l.sku(),
              amountOnly ? null : l.quantity(),
              null,
              null,
              l.taxRate(),
              l.taxCategory(),
              l.net(),
              l.tax(),
              l.gross()));
    }
    body(slots, rows, note.subtotal(), note.taxTotal(), note.total(), currency, "Total credited");
    String reason = present(note.reason()) ? "<div>Reason: " + esc(note.reason()) + "</div>" : "";
    slots.put(
        "payment",
        "<div class=\"pay\"><div class=\"label\">About this credit note</div>"
            + reason
            + "<div>This credit note reduces invoice "
            + esc(invoice.number().toString())
            + " of "
            + esc(DATE.format(invoice.issueDate()))
            + " by "
            + esc(money(note.total(), currency))
            + " "
            + esc(currency.getCurrencyCode())
            + ".</div></div>");
    slots.put("qr", qr(qr));
    return fill(slots);
  }

  private record Row(
      String description,
      String sku,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal discount,
      BigDecimal rate,
      TaxCategory category,
      BigDecimal net,
      BigDecimal tax,
      BigDecimal gross) {}

  private static void parties(Map<String, String> slots, Seller seller, ClientSnapshot client) {
    StringBuilder s = new StringBuilder();
    String sellerName = seller == null ? "" : nz(seller.legalName());
    slots.put(
        "sellerName",
        esc(seller != null && present(seller.tradingName()) ? seller.tradingName() : sellerName));
    if (seller != null) {
      s.append("<div class=\"name\">").append(esc(sellerName)).append("</div>");
      if (present(seller.tradingName()) && !seller.tradingName().equals(sellerName)) {
        s.append("<div class=\"muted\">trading as ")
            .append(esc(seller.tradingName()))
            .append("</div>");
      }
      address(s, seller.address());
      line(s, "TIN", seller.taxId());
      line(s, null, seller.email());
      line(s, null, seller.phone());
    }
    slots.put("seller", s.toString());
    StringBuilder b = new StringBuilder();
    b.append("<div class=\"name\">").append(esc(nz(client.name()))).append("</div>");
    address(b, client.address());
    line(b, "TIN", client.taxId());
    line(b, null, client.email());
    line(b, null, client.phone());
    slots.put("buyer", b.toString());
  }

  private static void body(
      Map<String, String> slots,
      List<Row> rows,
      BigDecimal subtotal,
      BigDecimal taxTotal,
      BigDecimal total,
      Currency currency,
      String totalLabel) {
    StringBuilder lines = new StringBuilder();
    Map<String, BigDecimal[]> breakdown = new LinkedHashMap<>();
    int position = 1;
    for (Row r : rows) {
      lines
          .append("<tr><td>")
          .append(position++)
          .append("</td><td>")
          .append(esc(nz(r.description())));
      if (present(r.sku())) {
        lines.append("<div class=\"sku\">").append(esc(r.sku())).append("</div>");
      }
      lines
          .append("</td><td class=\"n\">")
          .append(r.quantity() == null ? "" : esc(quantity(r.quantity())))
          .append("</td><td class=\"n\">")
          .append(r.unitPrice() == null ? "" : esc(price(r.unitPrice(), currency)))
          .append("</td><td class=\"n\">")
          .append(
              r.discount() == null || r.discount().signum() == 0
                  ? ""
                  : esc(money(r.discount(), currency)))
          .append("</td><td class=\"n\">")
          .append(esc(rate(r.category(), r.rate())))
          .append("</td><td class=\"n\">")
          .append(esc(money(r.net(), currency)))
          .append("</td><td class=\"n\">")
          .append(esc(money(r.tax(), currency)))
          .append("</td><td class=\"n\">")
          .append(esc(money(r.gross(), currency)))
          .append("</td></tr>");
      String key = category(r.category()) + "\u0000" + rate(r.category(), r.rate());
      BigDecimal[] sums =
          breakdown.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      sums[0] = sums[0].add(r.net());
      sums[1] = sums[1].add(r.tax());
    }
    slots.put("lines", lines.toString());
    StringBuilder vat = new StringBuilder();
    breakdown.forEach(
        (key, sums) -> {
          String[] parts = key.split("\u0000");
          vat.append("<tr><td>")
              .append(esc(parts[0]))
              .append("</td><td class=\"n\">")
              .append(esc(parts[1]))
              .append("</td><td class=\"n\">")
              .append(esc(money(sums[0], currency)))
              .append("</td><td class=\"n\">")
              .append(esc(money(sums[1], currency)))
              .append("</td></tr>");
        });
    slots.put("breakdown", vat.toString());
    String code = currency.getCurrencyCode();
    slots.put(
        "totals",
        "<tr><td>Subtotal (excl. VAT)</td><td class=\"n\">"
            + esc(money(subtotal, currency))
            + "</td></tr>"
            + "<tr><td>VAT</td><td class=\"n\">"
            + esc(money(taxTotal, currency))
            + "</td></tr>"
            + "<tr class=\"grand\"><td>"
            + esc(totalLabel)
            + "</td><td class=\"n\">"
            + esc(code + " " + money(total, currency))
            + "</td></tr>");
    slots.put("words", esc(AmountInWords.of(total, currency) + " only"));
  }

  private static String payment(Invoice invoice) {
    Seller seller = invoice.seller();
    Seller.BankDetails bank = seller == null ? null : seller.bank();
    StringBuilder p = new StringBuilder("<div class=\"pay\"><div class=\"label\">How to pay</div>");
    p.append("<div>Please pay ")
        .append(
            esc(
                invoice.currency().getCurrencyCode()
                    + " "
                    + money(invoice.balanceDue(), invoice.currency())))
        .append(" by ")
        .append(esc(DATE.format(invoice.dueDate())))
        .append(", quoting <b>")
        .append(esc(invoice.number().toString()))
        .append("</b> as the payment reference.</div>");
    if (bank != null) {
      p.append("<table class=\"meta\" style=\"margin-top: 1.5mm;\">");
      meta(p, "Bank", bank.bankName());
      meta(p, "Account name", bank.accountName());
      meta(p, "Account number", bank.accountNumber());
      meta(p, "IBAN", bank.iban());
      meta(p, "BIC / SWIFT", bank.bic());
      p.append("</table>");
    }
    return p.append("</div>").toString();
  }

  private static String qr(Qr qr) {
    if (qr == null) {
      return "";
    }
    String data = java.util.Base64.getEncoder().encodeToString(qr.png());
    return "<td class=\"qr\"><img src=\"data:image/png;base64,"
        + data
        + "\"/><div class=\"irn\">"
        + esc(qr.caption())
        + "</div><div class=\"muted\">FIRS e-invoice: scan with the MBS 360 app</div></td>";
  }

  private static void address(StringBuilder out, PostalAddress a) {
    if (a == null) {
      return;
    }
    line(out, null, a.line1());
    line(out, null, a.line2());
    String city =
        String.join(
            ", ",
            nonBlank(
                a.postalCode() == null ? a.city() : a.postalCode() + " " + nz(a.city()),
                a.region()));
    line(out, null, city);
    if (present(a.country())) {
      Locale country = new Locale("", a.country());
      String name = country.getDisplayCountry(Locale.ENGLISH);
      line(out, null, present(name) ? name : a.country());
    }
  }

  private static List<String> nonBlank(String... values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      if (present(v)) {
        out.add(v.strip());
      }
    }
    return out;
  }

  private static void line(StringBuilder out, String label, String value) {
    if (present(value)) {
      out.append("<div>");
      if (label != null) {
        out.append("<span class=\"muted\">").append(esc(label)).append(" </span>");
      }
      out.append(esc(value.strip())).append("</div>");
    }
  }

  private static void meta(StringBuilder out, String key, String value) {
    if (present(value)) {
      out.append("<tr><td class=\"k\">")
          .append(esc(key))
          .append("</td><td>")
          .append(esc(value))
          .append("</td></tr>");
    }
  }

  static String category(TaxCategory category) {
    return switch (category) {
      case STANDARD -> "Standard rated";
      case ZERO_RATED -> "Zero rated";
      case EXEMPT -> "Exempt";
      case OUT_OF_SCOPE -> "Not subject to VAT";
    };
  }

  private static String rate(TaxCategory category, BigDecimal rate) {
    if (category == TaxCategory.OUT_OF_SCOPE) {
      return "–";
    }
    BigDecimal percent = rate.movePointRight(2).stripTrailingZeros();
    return (percent.scale() < 0 ? percent.setScale(0) : percent).toPlainString() + " %";
  }

  static String money(BigDecimal amount, Currency currency) {
    int digits = Math.max(0, currency.getDefaultFractionDigits());
    DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(LOCALE));
    format.setMinimumFractionDigits(digits);
    format.setMaximumFractionDigits(digits);
    return format.format(amount.setScale(digits, RoundingMode.HALF_UP));
  }

  private static String price(BigDecimal amount, Currency currency) {
    int digits =
        Math.max(
            Math.max(0, currency.getDefaultFractionDigits()), amount.stripTrailingZeros().scale());
    DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(LOCALE));
    format.setMinimumFractionDigits(Math.max(0, currency.getDefaultFractionDigits()));
    format.setMaximumFractionDigits(digits);
    return format.format(amount);
  }

  private static String quantity(BigDecimal quantity) {
    BigDecimal q = quantity.stripTrailingZeros();
    return (q.scale() < 0 ? q.setScale(0) : q).toPlainString();
  }

  private static String fill(Map<String, String> slots) {
    Matcher m = SLOT.matcher(TEMPLATE);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = slots.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("no value for template slot " + m.group(1));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Escapes text for XHTML (the renderer parses the template as XML). */
  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static String template() {
    try (InputStream in = PrintedDocument.class.getResourceAsStream("/templates/document.html")) {
      if (in == null) {
        throw new IllegalStateException("templates/document.html is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
