package io.ledgerline.invoice.firs;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ledgerline.invoice.invoice.TaxCategory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * FIRS's code lists, read from its resource endpoints ({@code
 * /api/v1/invoice/resources/{invoice-types, tax-categories, vat-exemptions, currencies,
 * payment-means}}) with the tenant's API headers and cached per base URL and list for {@code
 * ledgerline.invoice.firs.code-lists-ttl} (a day; a list that fails to load is not cached, so the
 * next submission asks again). Nothing here is a guess at FIRS's codes: FIRS's invoice types are
 * not UNTDID 1001 (its list has 380 Credit Note, 381 Commercial Invoice), so types and payment
 * means are looked up by their meaning, and tax categories by FIRS's own ids (ADR 0015). {@link
 * #check} validates a submission's codes against the lists before FIRS sees it; an answer of {@code
 * [...]}, bare or in FIRS's {@code data} envelope, is accepted.
 */
@Component
class FirsCodeLists {

  static final String COMMERCIAL_INVOICE = "Commercial Invoice";
  static final String CREDIT_NOTE = "Credit Note";
  static final String CREDIT_TRANSFER = "Credit Transfer";

  private static final String RESOURCES = "/api/v1/invoice/resources/";
  // An HS code as FIRS's vat-exemptions list writes it (2915.3100) or a heading (29.15).
  private static final Pattern HS_CODE =
      Pattern.compile("\\b(\\d{4}\\.\\d{2,4}|\\d{2}\\.\\d{2})\\b");

  /** One list: each entry's code with the text that says what it means (lower case). */
  record CodeList(String name, Map<String, String> meaningByCode) {

    boolean has(String code) {
      return code != null && meaningByCode.containsKey(code);
    }

    Optional<String> codeMeaning(String meaning) {
      String wanted = meaning.toLowerCase(Locale.ROOT);
      return meaningByCode.entrySet().stream()
          .filter(e -> e.getValue().equals(wanted))
          .map(Map.Entry::getKey)
          .findFirst();
    }
  }

  private final FirsClient client;
  private final Cache<String, CodeList> lists;

  FirsCodeLists(
      FirsClient client,
      @Value("${ledgerline.invoice.firs.code-lists-ttl:PT24H}") Duration timeToLive) {
    this.client = client;
    this.lists = Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(1_000).build();
  }

  /** The code FIRS gives the invoice type named {@code meaning}. */
  String invoiceType(FirsAccount account, String meaning) {
    CodeList types = list(account, "invoice-types");
    return types
        .codeMeaning(meaning)
        .orElseThrow(
            () ->
                new FirsClient.Refused(
                    0,
                    "FIRS's invoice-types list has no \""
                        + meaning
                        + "\" ("
                        + types.meaningByCode().size()
                        + " types)"));
  }

  /**
   * FIRS's tax category id for ours, from its tax-categories list: standard VAT {@code
   * STANDARD_VAT}, zero-rated {@code ZERO_VAT}, exempt and out of scope {@code EXEMPTED} where FIRS
   * lists it, else {@code ZERO_VAT} (one published list has no EXEMPTED and says exemptions go with
   * ZERO_VAT).
   */
  String taxCategory(FirsAccount account, TaxCategory category) {
    CodeList categories = list(account, "tax-categories");
    List<String> wanted =
        switch (category == null ? TaxCategory.STANDARD : category) {
          case STANDARD -> List.of("STANDARD_VAT");
          case ZERO_RATED -> List.of("ZERO_VAT");
          case EXEMPT, OUT_OF_SCOPE -> List.of("EXEMPTED", "ZERO_VAT");
        };
    return wanted.stream()
        .filter(categories::has)
        .findFirst()
        .orElseThrow(
            () ->
                new FirsClient.Refused(
                    0, "FIRS's tax-categories list has none of " + String.join(", ", wanted)));
  }

  /** The code FIRS gives the payment means named {@code meaning}, if it lists one. */
  Optional<String> paymentMeans(FirsAccount account, String meaning) {
    return list(account, "payment-means").codeMeaning(meaning);
  }

  /**
   * Checks a submission's codes against FIRS's lists: its invoice type, both currencies, every tax
   * category, every payment means, and each HS code or heading that an exempt line's reason names
   * against the vat-exemptions list. Every problem is named in one {@link FirsClient.Refused}, so
   * the tenant sees them all at once.
   */
  void check(FirsAccount account, JsonNode body, List<String> exemptionReasons) {
    List<String> problems = new ArrayList<>();
    require(problems, list(account, "invoice-types"), body.path("invoice_type_code"), "type");
    CodeList currencies = list(account, "currencies");
    require(problems, currencies, body.path("document_currency_code"), "document currency");
    require(problems, currencies, body.path("tax_currency_code"), "tax currency");
    CodeList categories = list(account, "tax-categories");
    for (JsonNode total : body.path("tax_total")) {
      for (JsonNode sub : total.path("tax_subtotal")) {
        require(problems, categories, sub.path("tax_category").path("id"), "tax category");
      }
    }
    if (body.path("payment_means").size() > 0) {
      CodeList means = list(account, "payment-means");
      for (JsonNode m : body.path("payment_means")) {
        require(problems, means, m.path("payment_means_code"), "payment means");
      }
    }
    if (!exemptionReasons.isEmpty()) {
      CodeList exemptions = list(account, "vat-exemptions");
      for (String reason : exemptionReasons) {
        Matcher code = HS_CODE.matcher(reason == null ? "" : reason);
        while (code.find()) {
          if (!exemptions.has(code.group(1))) {
            problems.add(
                "the exemption " + code.group(1) + " is not in FIRS's vat-exemptions list");
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new FirsClient.Refused(0, String.join("; ", problems));
    }
  }

  private static void require(List<String> problems, CodeList list, JsonNode code, String what) {
    String value = code.isMissingNode() || code.isNull() ? null : code.asString();
    if (!list.has(value)) {
      problems.add(
          "the "
              + what
              + " "
              + (value == null ? "(none)" : value)
              + " is not in FIRS's "
              + list.name()
              + " list");
    }
  }

  private CodeList list(FirsAccount account, String name) {
    return lists.get(account.baseUrl() + " " + name, key -> load(account, name));
  }

  /**
   * Reads a list: entries of {@code {code, value}} (types, tax categories, payment means), {@code
   * {code, name}} (currencies) or {@code {harmonized_system_code, heading_no, description}} (VAT
   * exemptions, found by either code). Entries without a code are skipped (FIRS's lists hold an
   * empty {@code {}} now and then).
   */
  private CodeList load(FirsAccount account, String name) {
    JsonNode answer = client.get(account, RESOURCES + name);
    JsonNode items = answer.isArray() ? answer : answer.path("data");
    Map<String, String> codes = new LinkedHashMap<>();
    for (JsonNode item : items) {
      String meaning = text(item, "value", text(item, "name", text(item, "description", "")));
      for (String field : List.of("code", "harmonized_system_code", "heading_no")) {
        String code = text(item, field, null);
        if (code != null && !code.isBlank()) {
          codes.putIfAbsent(code, meaning.toLowerCase(Locale.ROOT));
        }
      }
    }
    if (codes.isEmpty()) {
      throw new FirsClient.Unavailable("FIRS's " + name + " list is empty");
    }
    return new CodeList(name, Map.copyOf(codes));
  }

  private static String text(JsonNode item, String field, String otherwise) {
    JsonNode value = item.path(field);
    return value.isMissingNode() || value.isNull() ? otherwise : value.asString();
  }
}
