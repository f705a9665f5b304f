package io.ledgerline.invoice.firs;

import io.ledgerline.invoice.invoice.ClientSnapshot;
import io.ledgerline.invoice.invoice.CreditNote;
import io.ledgerline.invoice.invoice.CreditNoteLine;
import io.ledgerline.invoice.invoice.Invoice;
import io.ledgerline.invoice.invoice.InvoiceLine;
import io.ledgerline.invoice.invoice.PostalAddress;
import io.ledgerline.invoice.invoice.Seller;
import io.ledgerline.invoice.invoice.TaxCategory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An invoice or credit note as FIRS's invoice JSON (the body of {@code validate} and {@code sign};
 * {@code shared/reference/firs-mbs.md} section 3): header, both parties with TIN and e-mail, the
 * tax totals by category and rate, the legal monetary totals, the lines, and for a credit note the
 * {@code billing_reference} to its invoice's IRN. Amounts are JSON numbers, as in every FIRS
 * sample. The discount fields go in both spellings ({@code dicount_*} in MBS and BACI, {@code
 * discount_*} in the Postman collection) until the sandbox settles it.
 */
final class FirsInvoiceJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private FirsInvoiceJson() {}

  /**
   * The codes FIRS's lists give ({@link FirsCodeLists}): the document's invoice type, FIRS's tax
   * category for each of ours, and the payment means code of a credit transfer (null when FIRS
   * lists none, then no payment means is sent).
   */
  record Codes(
      String invoiceType, Function<TaxCategory, String> taxCategory, String creditTransfer) {}

  static ObjectNode invoice(Invoice invoice, FirsAccount account, String irn, Codes codes) {
    ObjectNode body = header(account, irn, invoice.issueDate(), codes.invoiceType(), invoice);
    if (invoice.dueDate() != null) {
      body.put("due_date", invoice.dueDate().toString());
    }
    Seller.BankDetails bank = invoice.seller() == null ? null : invoice.seller().bank();
    if (codes.creditTransfer() != null
        && bank != null
        && (bank.accountNumber() != null || bank.iban() != null)) {
      // How to pay: a transfer to the seller's account (the PDF's payment instructions).
      ObjectNode means = body.putArray("payment_means").addObject();
      means.put("payment_means_code", codes.creditTransfer());
      if (invoice.dueDate() != null) {
        means.put("payment_due_date", invoice.dueDate().toString());
      }
    }
    Totals totals = new Totals(codes.taxCategory());
    ArrayNode lines = body.putArray("invoice_line");
    for (InvoiceLine line : invoice.lines()) {
      BigDecimal discount = line.discount() == null ? BigDecimal.ZERO : line.discount();
      lines.add(
          line(
              line.description(),
              line.sku(),
              line.quantity(),
              line.unitPrice(),
              discount,
              line.net(),
              invoice.currency().getCurrencyCode()));
      totals.add(line.taxCategory(), line.taxRate(), line.net(), line.tax());
    }
    finish(body, totals, invoice.subtotal(), invoice.taxTotal(), invoice.total());
    return body;
  }

  static ObjectNode creditNote(
      CreditNote note,
      Invoice original,
      String originalIrn,
      FirsAccount account,
      String irn,
      Codes codes) {
    ObjectNode body = header(account, irn, note.issueDate(), codes.invoiceType(), original);
    body.put("document_currency_code", note.currency().getCurrencyCode());
    body.put("tax_currency_code", note.currency().getCurrencyCode());
    if (note.reason() != null) {
      body.put("note", note.reason());
    }
    ObjectNode reference = body.putArray("billing_reference").addObject();
    reference.put("irn", originalIrn);
    reference.put("issue_date", original.issueDate().toString());
    Totals totals = new Totals(codes.taxCategory());
    ArrayNode lines = body.putArray("invoice_line");
    for (CreditNoteLine line : note.lines()) {
      boolean byAmount = line.quantity() == null || line.quantity().signum() == 0;
      BigDecimal quantity = byAmount ? BigDecimal.ONE : line.quantity();
      BigDecimal price =
          line.net()
              .divide(quantity, note.currency().getDefaultFractionDigits(), RoundingMode.HALF_UP);
      lines.add(
          line(
              line.description(),
              line.sku(),
              quantity,
              price,
              BigDecimal.ZERO,
              line.net(),
              note.currency().getCurrencyCode()));
      totals.add(line.taxCategory(), line.taxRate(), line.net(), line.tax());
    }
    finish(body, totals, note.subtotal(), note.taxTotal(), note.total());
    return body;
  }

  private static ObjectNode header(
      FirsAccount account, String irn, LocalDate issueDate, String typeCode, Invoice parties) {
    ObjectNode body = JSON.createObjectNode();
    body.put("business_id", account.businessId().toString());
    body.put("irn", irn);
    body.put("issue_date", issueDate.toString());
    body.put("invoice_type_code", typeCode);
    body.put("payment_status", "PENDING");
    body.put("document_currency_code", parties.currency().getCurrencyCode());
    body.put("tax_currency_code", parties.currency().getCurrencyCode());
    if (parties.source() != null && parties.source().reference() != null) {
      body.put("order_reference", parties.source().reference());
    }
    body.set("accounting_supplier_party", supplier(parties.seller()));
    body.set("accounting_customer_party", customer(parties.client()));
    return body;
  }

  private static ObjectNode supplier(Seller seller) {
    ObjectNode party = JSON.createObjectNode();
    party.put("party_name", seller.legalName());
    party.put("tin", seller.taxId());
    party.put("email", seller.email());
    if (seller.phone() != null) {
      party.put("telephone", seller.phone());
    }
    party.set("postal_address", address(seller.address()));
    return party;
  }

  private static ObjectNode customer(ClientSnapshot client) {
    ObjectNode party = JSON.createObjectNode();
    party.put("party_name", client.name());
    party.put("tin", client.taxId());
    party.put("email", client.email());
    if (client.phone() != null) {
      party.put("telephone", client.phone());
    }
    party.set("postal_address", address(client.address()));
    return party;
  }

  private static ObjectNode address(PostalAddress address) {
    ObjectNode node = JSON.createObjectNode();
    if (address == null) {
      return node;
    }
    String street =
        address.line2() == null ? address.line1() : address.line1() + ", " + address.line2();
    node.put("street_name", street);
    node.put("city_name", address.city());
    node.put("postal_zone", address.postalCode());
    node.put("country", address.country());
    return node;
  }

  private static ObjectNode line(
      String description,
      String sku,
      BigDecimal quantity,
      BigDecimal price,
      BigDecimal discount,
      BigDecimal net,
      String currency) {
    ObjectNode line = JSON.createObjectNode();
    line.put("dicount_rate", BigDecimal.ZERO);
    line.put("dicount_amount", discount);
    line.put("discount_rate", BigDecimal.ZERO);
    line.put("discount_amount", discount);
    line.put("fee_rate", BigDecimal.ZERO);
    line.put("fee_amount", BigDecimal.ZERO);
    line.put("invoiced_quantity", quantity);
    line.put("line_extension_amount", net);
    ObjectNode item = line.putObject("item");
    item.put("name", description);
    item.put("description", description);
    if (sku != null) {
      item.put("sellers_item_identification", sku);
    }
    ObjectNode priceNode = line.putObject("price");
    priceNode.put("price_amount", price);
    priceNode.put("base_quantity", 1);
    priceNode.put("price_unit", currency + " per 1");
    return line;
  }

  private static void finish(
      ObjectNode body, Totals totals, BigDecimal subtotal, BigDecimal tax, BigDecimal total) {
    ObjectNode taxTotal = body.putArray("tax_total").addObject();
    taxTotal.put("tax_amount", tax);
    ArrayNode subtotals = taxTotal.putArray("tax_subtotal");
    totals.byCategory.forEach(
        (key, amounts) -> {
          ObjectNode sub = subtotals.addObject();
          sub.put("taxable_amount", amounts[0]);
          sub.put("tax_amount", amounts[1]);
          ObjectNode category = sub.putObject("tax_category");
          category.put("id", key.category());
          category.put("percent", key.percent());
        });
    ObjectNode legal = body.putObject("legal_monetary_total");
    legal.put("line_extension_amount", subtotal);
    legal.put("tax_exclusive_amount", subtotal);
    legal.put("tax_inclusive_amount", total);
    legal.put("payable_amount", total);
  }

  private record Key(String category, BigDecimal percent) {}

  /** Taxable and tax amounts per FIRS category and rate, in the order lines bring them. */
  private static final class Totals {
    final Map<Key, BigDecimal[]> byCategory = new LinkedHashMap<>();
    final Function<TaxCategory, String> categories;

    Totals(Function<TaxCategory, String> categories) {
      this.categories = categories;
    }

    void add(TaxCategory category, BigDecimal rate, BigDecimal net, BigDecimal tax) {
      BigDecimal percent =
          (rate == null ? BigDecimal.ZERO : rate).movePointRight(2).stripTrailingZeros();
      if (percent.scale() < 0) {
        percent = percent.setScale(0);
      }
      BigDecimal[] amounts =
          byCategory.computeIfAbsent(
              new Key(categories.apply(category), percent),
              k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      amounts[0] = amounts[0].add(net);
      amounts[1] = amounts[1].add(tax == null ? BigDecimal.ZERO : tax);
    }
  }
}
