package io.ledgerline.invoice.firs;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * FIRS's invoice type codes, read from {@code /api/v1/invoice/resources/invoice-types} and cached
 * per base URL for the life of the process. FIRS's codes are not UNTDID 1001 (its list has 380
 * Credit Note, 381 Commercial Invoice), so a type is looked up by its meaning, never by a number
 * (ADR 0015). The list is read with the tenant's API headers; an answer of {@code [{code, value}]},
 * bare or in FIRS's {@code data} envelope, is accepted.
 */
@Component
class FirsCodeLists {

  static final String COMMERCIAL_INVOICE = "Commercial Invoice";
  static final String CREDIT_NOTE = "Credit Note";

  private final FirsClient client;
  private final Map<String, Map<String, String>> invoiceTypes = new ConcurrentHashMap<>();

  FirsCodeLists(FirsClient client) {
    this.client = client;
  }

  /** The code FIRS gives the invoice type named {@code meaning}. */
  String invoiceType(FirsAccount account, String meaning) {
    Map<String, String> codes =
        invoiceTypes.computeIfAbsent(account.baseUrl(), base -> load(account));
    String code = codes.get(meaning.toLowerCase(Locale.ROOT));
    if (code == null) {
      throw new FirsClient.Refused(
          0, "FIRS's invoice-types list has no \"" + meaning + "\" (" + codes.size() + " types)");
    }
    return code;
  }

  private Map<String, String> load(FirsAccount account) {
    JsonNode answer = client.get(account, "/api/v1/invoice/resources/invoice-types");
    JsonNode items = answer.isArray() ? answer : answer.path("data");
    Map<String, String> codes = new HashMap<>();
    for (JsonNode item : items) {
      if (item.hasNonNull("code") && item.hasNonNull("value")) {
        codes.put(
            item.get("value").asString().toLowerCase(Locale.ROOT), item.get("code").asString());
      }
    }
    if (codes.isEmpty()) {
      throw new FirsClient.Unavailable("FIRS's invoice-types list is empty");
    }
    return Map.copyOf(codes);
  }
}
