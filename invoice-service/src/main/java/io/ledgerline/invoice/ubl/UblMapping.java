package io.ledgerline.invoice.ubl;

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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AddressType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AllowanceChargeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.BillingReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.BranchType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ContactType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CountryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CreditNoteLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CustomerPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.DocumentReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.FinancialAccountType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.InvoiceLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemIdentificationType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.MonetaryTotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.OrderReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyIdentificationType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyLegalEntityType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyNameType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyTaxSchemeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PaymentMeansType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PaymentTermsType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PriceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.SupplierPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxCategoryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxSchemeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxSubtotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxTotalType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.EndpointIDType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.PaymentMeansCodeType;
import oasis.names.specification.ubl.schema.xsd.creditnote_21.CreditNoteType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;

/**
 * The invoice model as UBL 2.1 under EN 16931 and Peppol BIS Billing 3.0 (the BT-… table in the
 * service README says where each value comes from). Framework-free: the domain records in, ph-ubl's
 * JAXB types out. What EN 16931 requires and the invoice lacks is collected and thrown as {@link
 * MissingBusinessTerms}, so invalid UBL is never produced.
 */
public final class UblMapping {

  /** BT-24: EN 16931 as specialised by Peppol BIS Billing 3.0. */
  public static final String CUSTOMIZATION_ID =
      "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";

  /** BT-23: the Peppol billing process. */
  public static final String PROFILE_ID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

  /** BT-3 (UNTDID 1001): commercial invoice, credit note. */
  static final String COMMERCIAL_INVOICE = "380";

  static final String CREDIT_NOTE = "381";

  private static final String UNIT_ONE = "C62";
  private static final Pattern COUNTRY_PREFIX = Pattern.compile("^[A-Z]{2}.*");
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private UblMapping() {}

  /** The UBL Invoice of an issued invoice. */
  public static InvoiceType invoice(Invoice invoice) {
    Problems problems = new Problems();
    List<Line> lines = new ArrayList<>();
    int position = 1;
    for (InvoiceLine l : invoice.lines()) {
      lines.add(Line.of(position++, l, invoice.taxesIncluded(), invoice.currency()));
    }
    Parties parties = parties(invoice.seller(), invoice.client(), lines, problems);
    problems.throwIfAny();

    InvoiceType ubl = new InvoiceType();
    ubl.setCustomizationID(CUSTOMIZATION_ID);
    ubl.setProfileID(PROFILE_ID);
    ubl.setID(invoice.number().toString());
    ubl.setIssueDate(invoice.issueDate());
    ubl.setDueDate(invoice.dueDate());
    ubl.setInvoiceTypeCode(COMMERCIAL_INVOICE);
    String currency = invoice.currency().getCurrencyCode();
    ubl.setDocumentCurrencyCode(currency);
    reference(invoice, ubl);
    ubl.setAccountingSupplierParty(parties.seller());
    ubl.setAccountingCustomerParty(parties.buyer());
    PaymentMeansType means = paymentMeans(invoice.seller(), invoice.number().toString());
    if (means != null) {
      ubl.addPaymentMeans(means);
    }
    ubl.addPaymentTerms(terms(paymentTerms(invoice.issueDate(), invoice.dueDate())));
    ubl.addTaxTotal(taxTotal(lines, invoice.taxTotal(), invoice.currency()));
    ubl.setLegalMonetaryTotal(
        monetaryTotal(invoice.subtotal(), invoice.total(), invoice.currency()));
    for (Line line : lines) {
      ubl.addInvoiceLine(line.invoiceLine(currency));
    }
    return ubl;
  }

  /** The UBL CreditNote of a credit note, referring to its invoice (BG-3). */
  public static CreditNoteType creditNote(CreditNote note, Invoice invoice) {
    Problems problems = new Problems();
    List<Line> lines = new ArrayList<>();
    int position = 1;
    for (CreditNoteLine l : note.lines()) {
      lines.add(Line.of(position++, l, note.currency()));
    }
    Parties parties = parties(invoice.seller(), invoice.client(), lines, problems);
    problems.throwIfAny();

    CreditNoteType ubl = new CreditNoteType();
    ubl.setCustomizationID(CUSTOMIZATION_ID);
    ubl.setProfileID(PROFILE_ID);
    ubl.setID(note.number().toString());
    ubl.setIssueDate(note.issueDate());
    ubl.setCreditNoteTypeCode(CREDIT_NOTE);
    if (note.reason() != null && !note.reason().isBlank()) {
      ubl.addNote(
          new oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.NoteType(
              note.reason().strip()));
    }
    String currency = note.currency().getCurrencyCode();
    ubl.setDocumentCurrencyCode(currency);
    if (invoice.source() != null && present(invoice.source().reference())) {
      OrderReferenceType order = new OrderReferenceType();
      order.setID(invoice.source().reference().strip());
      ubl.setOrderReference(order);
    } else {
      ubl.setBuyerReference(invoice.client().id());
    }
    BillingReferenceType billing = new BillingReferenceType();
    DocumentReferenceType original = new DocumentReferenceType();
    original.setID(invoice.number().toString());
    original.setIssueDate(invoice.issueDate());
    billing.setInvoiceDocumentReference(original);
    ubl.addBillingReference(billing);
    ubl.setAccountingSupplierParty(parties.seller());
    ubl.setAccountingCustomerParty(parties.buyer());
    ubl.addPaymentTerms(terms("Credits invoice " + invoice.number() + "."));
    ubl.addTaxTotal(taxTotal(lines, note.taxTotal(), note.currency()));
    ubl.setLegalMonetaryTotal(monetaryTotal(note.subtotal(), note.total(), note.currency()));
    for (Line line : lines) {
      ubl.addCreditNoteLine(line.creditNoteLine(currency));
    }
    return ubl;
  }

  /**
   * A VAT identifier with the country prefix BR-CO-09 requires: kept when it already starts with an
   * ISO 3166 code (or EL for Greece), else prefixed with the party's country (a Nigerian TIN
   * 12345678-0001 becomes NG12345678-0001). Spaces are removed.
   */
  public static String vatIdentifier(String taxId, String country) {
    String id = taxId.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    if (COUNTRY_PREFIX.matcher(id).matches()) {
      String prefix = id.substring(0, 2);
      if (COUNTRIES.contains(prefix) || prefix.equals("EL")) {
        return id;
      }
    }
    return country + id;
  }

  // --- parties -----------------------------------------------------------------------------

  private record Parties(SupplierPartyType seller, CustomerPartyType buyer) {}

  private static Parties parties(
      Seller seller, ClientSnapshot client, List<Line> lines, Problems problems) {
    Set<String> categories = new LinkedHashSet<>();
    lines.forEach(l -> categories.add(l.category()));
    boolean outOfScope = categories.contains("O");
    if (outOfScope && categories.size() > 1) {
      problems.add(
          "BR-O-11",
          "an invoice with lines not subject to VAT cannot have lines of other VAT categories");
    }
    for (Line line : lines) {
      if (line.category().equals("S") && line.rate().signum() == 0) {
        problems.add("BT-152", "line " + line.id() + " is standard rated at 0 %");
      }
    }
    // seller
    String sellerName = seller == null ? null : seller.legalName();
    if (!present(sellerName)) {
      problems.add("BT-27", "seller name: the invoicing settings' legalName");
    }
    PostalAddress sellerAddress = seller == null ? null : seller.address();
    String sellerCountry = country(sellerAddress);
    if (sellerCountry == null) {
      problems.add("BT-40", "seller country code: the invoicing settings' address.country");
    }
    String sellerTaxId = seller == null ? null : seller.taxId();
    boolean vat = !outOfScope;
    if (vat && !present(sellerTaxId)) {
      problems.add(
          "BT-31",
          "seller VAT identifier: the invoicing settings' taxId (required for "
              + String.join(", ", categories)
              + " VAT categories)");
    }
    if (outOfScope && !present(sellerTaxId)) {
      problems.add("BT-29", "seller identifier: the invoicing settings' taxId (BR-CO-26)");
    }
    // buyer
    if (!present(client.name())) {
      problems.add("BT-44", "buyer name: the client's name");
    }
    String buyerCountry = country(client.address());
    if (buyerCountry == null) {
      problems.add("BT-55", "buyer country code: the client's address country");
    }
    for (Line line : lines) {
      if (!present(line.name())) {
        problems.add("BT-153", "item name: the description of line " + line.id());
      }
    }
    if (problems.any()) {
      return null;
    }

    PartyType s = new PartyType();
    Seller.ElectronicAddress endpoint = seller.electronicAddress();
    if (endpoint != null && present(endpoint.id()) && present(endpoint.scheme())) {
      EndpointIDType id = new EndpointIDType(endpoint.id().strip());
      id.setSchemeID(endpoint.scheme());
      s.setEndpointID(id);
    }
    if (!vat) {
      PartyIdentificationType identification = new PartyIdentificationType();
      identification.setID(sellerTaxId.strip());
      s.addPartyIdentification(identification);
    }
    if (present(seller.tradingName()) && !seller.tradingName().equals(sellerName)) {
      PartyNameType name = new PartyNameType();
      name.setName(seller.tradingName().strip());
      s.addPartyName(name);
    }
    s.setPostalAddress(address(sellerAddress, sellerCountry));
    if (vat) {
      s.addPartyTaxScheme(taxScheme(vatIdentifier(sellerTaxId, sellerCountry)));
    }
    PartyLegalEntityType sellerEntity = new PartyLegalEntityType();
    sellerEntity.setRegistrationName(sellerName.strip());
    s.addPartyLegalEntity(sellerEntity);
    ContactType sellerContact = contact(seller.phone(), seller.email());
    if (sellerContact != null) {
      s.setContact(sellerContact);
    }
    SupplierPartyType supplier = new SupplierPartyType();
    supplier.setParty(s);

    PartyType b = new PartyType();
    Seller.ElectronicAddress buyerEndpoint = client.electronicAddress();
    if (buyerEndpoint != null && present(buyerEndpoint.id()) && present(buyerEndpoint.scheme())) {
      EndpointIDType id = new EndpointIDType(buyerEndpoint.id().strip());
      id.setSchemeID(buyerEndpoint.scheme());
      b.setEndpointID(id);
    }
    b.setPostalAddress(address(client.address(), buyerCountry));
    if (vat && present(client.taxId())) {
      b.addPartyTaxScheme(taxScheme(vatIdentifier(client.taxId(), buyerCountry)));
    }
    PartyLegalEntityType buyerEntity = new PartyLegalEntityType();
    buyerEntity.setRegistrationName(client.name().strip());
    b.addPartyLegalEntity(buyerEntity);
    ContactType buyerContact = contact(client.phone(), client.email());
    if (buyerContact != null) {
      b.setContact(buyerContact);
    }
    CustomerPartyType customer = new CustomerPartyType();
    customer.setParty(b);
    return new Parties(supplier, customer);
  }

  private static String country(PostalAddress address) {
    if (address == null || !present(address.country())) {
      return null;
    }
    String code = address.country().strip().toUpperCase(Locale.ROOT);
    return COUNTRIES.contains(code) ? code : null;
  }

  private static AddressType address(PostalAddress address, String country) {
    AddressType a = new AddressType();
    if (present(address.line1())) {
      a.setStreetName(address.line1().strip());
    }
    if (present(address.line2())) {
      a.setAdditionalStreetName(address.line2().strip());
    }
    if (present(address.city())) {
      a.setCityName(address.city().strip());
    }
    if (present(address.postalCode())) {
      a.setPostalZone(address.postalCode().strip());
    }
    if (present(address.region())) {
      a.setCountrySubentity(address.region().strip());
    }
    CountryType c = new CountryType();
    c.setIdentificationCode(country);
    a.setCountry(c);
    return a;
  }

  private static PartyTaxSchemeType taxScheme(String vatId) {
    PartyTaxSchemeType scheme = new PartyTaxSchemeType();
    scheme.setCompanyID(vatId);
    scheme.setTaxScheme(vat());
    return scheme;
  }

  private static ContactType contact(String phone, String email) {
    if (!present(phone) && !present(email)) {
      return null;
    }
    ContactType contact = new ContactType();
    if (present(phone)) {
      contact.setTelephone(phone.strip());
    }
    if (present(email)) {
      contact.setElectronicMail(email.strip());
    }
    return contact;
  }

  private static TaxSchemeType vat() {
    TaxSchemeType scheme = new TaxSchemeType();
    scheme.setID("VAT");
    return scheme;
  }

  // --- references, payment ------------------------------------------------------------------

  private static void reference(Invoice invoice, InvoiceType ubl) {
    // Peppol R003: a buyer reference or an order reference; the platform's order number is the
    // order reference, else the client id stands as the buyer reference.
    if (invoice.source() != null && present(invoice.source().reference())) {
      OrderReferenceType order = new OrderReferenceType();
      order.setID(invoice.source().reference().strip());
      ubl.setOrderReference(order);
    } else {
      ubl.setBuyerReference(invoice.client().id());
    }
  }

  /** "Payment due within 30 days, by 2026-12-20." or "Payment due on receipt." */
  public static String paymentTerms(LocalDate issueDate, LocalDate dueDate) {
    long days = ChronoUnit.DAYS.between(issueDate, dueDate);
    return days <= 0
        ? "Payment due on receipt."
        : "Payment due within " + days + " days, by " + dueDate + ".";
  }

  private static PaymentTermsType terms(String note) {
    PaymentTermsType terms = new PaymentTermsType();
    terms.addNote(
        new oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.NoteType(note));
    return terms;
  }

  /**
   * BG-16/BG-17: a credit transfer to the seller's account, SEPA (58) with an IBAN, else a plain
   * credit transfer (30) to the account number; the remittance information (BT-83) is the invoice
   * number. None without bank details.
   */
  private static PaymentMeansType paymentMeans(Seller seller, String number) {
    Seller.BankDetails bank = seller.bank();
    if (bank == null || (!present(bank.iban()) && !present(bank.accountNumber()))) {
      return null;
    }
    PaymentMeansType means = new PaymentMeansType();
    boolean iban = present(bank.iban());
    PaymentMeansCodeType code = new PaymentMeansCodeType(iban ? "58" : "30");
    means.setPaymentMeansCode(code);
    means.addPaymentID(
        new oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.PaymentIDType(
            number));
    FinancialAccountType account = new FinancialAccountType();
    account.setID((iban ? bank.iban() : bank.accountNumber()).replaceAll("\\s+", ""));
    if (present(bank.accountName())) {
      account.setName(bank.accountName().strip());
    }
    if (present(bank.bic())) {
      BranchType branch = new BranchType();
      branch.setID(bank.bic().strip());
      account.setFinancialInstitutionBranch(branch);
    }
    means.setPayeeFinancialAccount(account);
    return means;
  }

  // --- tax and totals -----------------------------------------------------------------------

  /** BG-23: one breakdown per VAT category and rate, the sums of the rounded lines. */
  private static TaxTotalType taxTotal(List<Line> lines, BigDecimal taxTotal, Currency currency) {
    String code = currency.getCurrencyCode();
    Map<String, List<Line>> groups = new LinkedHashMap<>();
    for (Line line : lines) {
      groups
          .computeIfAbsent(line.category() + "|" + line.percent(), k -> new ArrayList<>())
          .add(line);
    }
    TaxTotalType total = new TaxTotalType();
    total.setTaxAmount(money(taxTotal, currency)).setCurrencyID(code);
    for (List<Line> group : groups.values()) {
      Line first = group.get(0);
      BigDecimal taxable = group.stream().map(Line::net).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal tax = group.stream().map(Line::tax).reduce(BigDecimal.ZERO, BigDecimal::add);
      TaxSubtotalType subtotal = new TaxSubtotalType();
      subtotal.setTaxableAmount(money(taxable, currency)).setCurrencyID(code);
      subtotal.setTaxAmount(money(tax, currency)).setCurrencyID(code);
      TaxCategoryType category = category(first);
      if (first.category().equals("E") || first.category().equals("O")) {
        Set<String> reasons = new LinkedHashSet<>();
        group.forEach(l -> reasons.add(l.exemptionReason()));
        category.addTaxExemptionReason(
            new oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21
                .TaxExemptionReasonType(String.join("; ", reasons)));
      }
      subtotal.setTaxCategory(category);
      total.addTaxSubtotal(subtotal);
    }
    return total;
  }

  private static TaxCategoryType category(Line line) {
    TaxCategoryType category = new TaxCategoryType();
    category.setID(line.category());
    if (!line.category().equals("O")) {
      category.setPercent(line.percent());
    }
    category.setTaxScheme(vat());
    return category;
  }

  private static MonetaryTotalType monetaryTotal(
      BigDecimal subtotal, BigDecimal total, Currency currency) {
    String code = currency.getCurrencyCode();
    MonetaryTotalType totals = new MonetaryTotalType();
    totals.setLineExtensionAmount(money(subtotal, currency)).setCurrencyID(code);
    totals.setTaxExclusiveAmount(money(subtotal, currency)).setCurrencyID(code);
    totals.setTaxInclusiveAmount(money(total, currency)).setCurrencyID(code);
    totals.setPayableAmount(money(total, currency)).setCurrencyID(code);
    return totals;
  }

  private static BigDecimal money(BigDecimal amount, Currency currency) {
    return amount.setScale(Math.max(0, currency.getDefaultFractionDigits()), RoundingMode.HALF_UP);
  }

  static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  // --- lines ---------------------------------------------------------------------------------

  /**
   * A line as UBL states it: the price is the unit price with the discount as a line allowance when
   * quantity × price − discount gives the net (Peppol R120); otherwise (prices with tax included,
   * pro-rata credits) the net price per unit, precise enough that quantity × price rounds to the
   * net.
   */
  private record Line(
      String id,
      String name,
      String sku,
      BigDecimal quantity,
      BigDecimal price,
      BigDecimal allowance,
      BigDecimal net,
      BigDecimal tax,
      BigDecimal rate,
      String category,
      String exemptionReason) {

    static Line of(int position, InvoiceLine l, boolean taxesIncluded, Currency currency) {
      BigDecimal discount = l.discount() == null ? BigDecimal.ZERO : l.discount();
      BigDecimal net = money(l.net(), currency);
      BigDecimal price = null;
      BigDecimal allowance = null;
      if (!taxesIncluded
          && money(l.quantity().multiply(l.unitPrice()), currency)
                  .subtract(money(discount, currency))
                  .compareTo(net)
              == 0) {
        price = l.unitPrice();
        allowance = discount.signum() > 0 ? money(discount, currency) : null;
      }
      if (price == null) {
        price = netPrice(net, l.quantity(), currency);
      }
      return new Line(
          String.valueOf(position),
          l.description(),
          l.sku(),
          l.quantity(),
          price,
          allowance,
          net,
          money(l.tax(), currency),
          l.taxRate(),
          code(l.taxCategory()),
          reason(l.taxCategory(), l.taxExemptionReason()));
    }

    static Line of(int position, CreditNoteLine l, Currency currency) {
      // An amount credited, not units: one unit of that amount.
      BigDecimal quantity = l.quantity().signum() == 0 ? BigDecimal.ONE : l.quantity();
      BigDecimal net = money(l.net(), currency);
      return new Line(
          String.valueOf(position),
          present(l.description()) ? l.description() : "Credit",
          l.sku(),
          quantity,
          netPrice(net, quantity, currency),
          null,
          net,
          money(l.tax(), currency),
          l.taxRate(),
          code(l.taxCategory()),
          reason(l.taxCategory(), l.taxExemptionReason()));
    }

    private static BigDecimal netPrice(BigDecimal net, BigDecimal quantity, Currency currency) {
      for (int scale = 2; scale <= 12; scale++) {
        BigDecimal price = net.divide(quantity, scale, RoundingMode.HALF_UP);
        if (money(price.multiply(quantity), currency).compareTo(net) == 0) {
          return price.stripTrailingZeros().scale() < 0
              ? price.setScale(0)
              : price.stripTrailingZeros();
        }
      }
      return net.divide(quantity, 12, RoundingMode.HALF_UP);
    }

    /** The VAT rate in percent as BT-152/BT-119 state it: 0.075 is 7.5. */
    BigDecimal percent() {
      if (category.equals("O")) {
        return null;
      }
      BigDecimal percent = rate.movePointRight(2).stripTrailingZeros();
      return percent.scale() < 0 ? percent.setScale(0) : percent;
    }

    private InvoiceLineType invoiceLine(String currency) {
      InvoiceLineType line = new InvoiceLineType();
      line.setID(id);
      line.setInvoicedQuantity(quantity).setUnitCode(UNIT_ONE);
      line.setLineExtensionAmount(net).setCurrencyID(currency);
      if (allowance != null) {
        line.addAllowanceCharge(allowance(currency));
      }
      line.setItem(item());
      line.setPrice(price(currency));
      return line;
    }

    private CreditNoteLineType creditNoteLine(String currency) {
      CreditNoteLineType line = new CreditNoteLineType();
      line.setID(id);
      line.setCreditedQuantity(quantity).setUnitCode(UNIT_ONE);
      line.setLineExtensionAmount(net).setCurrencyID(currency);
      if (allowance != null) {
        line.addAllowanceCharge(allowance(currency));
      }
      line.setItem(item());
      line.setPrice(price(currency));
      return line;
    }

    private AllowanceChargeType allowance(String currency) {
      AllowanceChargeType charge = new AllowanceChargeType();
      charge.setChargeIndicator(false);
      charge.addAllowanceChargeReason(
          new oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21
              .AllowanceChargeReasonType("Discount"));
      charge.setAmount(allowance).setCurrencyID(currency);
      return charge;
    }

    private ItemType item() {
      ItemType item = new ItemType();
      item.setName(name.strip());
      if (present(sku)) {
        ItemIdentificationType identification = new ItemIdentificationType();
        identification.setID(sku.strip());
        item.setSellersItemIdentification(identification);
      }
      TaxCategoryType category = new TaxCategoryType();
      category.setID(this.category);
      if (!this.category.equals("O")) {
        category.setPercent(percent());
      }
      category.setTaxScheme(vat());
      item.addClassifiedTaxCategory(category);
      return item;
    }

    private PriceType price(String currency) {
      PriceType p = new PriceType();
      p.setPriceAmount(price).setCurrencyID(currency);
      return p;
    }
  }

  /** UNCL 5305. */
  static String code(TaxCategory category) {
    return switch (category) {
      case STANDARD -> "S";
      case ZERO_RATED -> "Z";
      case EXEMPT -> "E";
      case OUT_OF_SCOPE -> "O";
    };
  }

  /** BT-120: the line's own reason, else what the category means; only E and O carry one. */
  private static String reason(TaxCategory category, String stated) {
    if (category == TaxCategory.EXEMPT) {
      return present(stated) ? stated.strip() : "Exempt from VAT";
    }
    if (category == TaxCategory.OUT_OF_SCOPE) {
      return present(stated) ? stated.strip() : "Not subject to VAT";
    }
    return null;
  }

  /** What is missing, in the order the business terms are checked. */
  private static final class Problems {
    private final Map<String, String> terms = new LinkedHashMap<>();

    void add(String term, String what) {
      terms.putIfAbsent(term, what);
    }

    boolean any() {
      return !terms.isEmpty();
    }

    void throwIfAny() {
      if (any()) {
        throw new MissingBusinessTerms(terms);
      }
    }
  }
}
