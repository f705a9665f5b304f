package io.ledgerline.invoice.ubl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A document that lacks what EN 16931 requires (or breaks one of its rules): it is never exported
 * as invalid UBL. {@link #terms()} maps each business term or rule (BT-55, BR-O-11) to what is
 * missing and where its value comes from.
 */
public final class MissingBusinessTerms extends RuntimeException {

  private final Map<String, String> terms;

  MissingBusinessTerms(Map<String, String> terms) {
    super(describe(terms));
    this.terms = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(terms));
  }

  public Map<String, String> terms() {
    return terms;
  }

  private static String describe(Map<String, String> terms) {
    return terms.entrySet().stream()
        .map(e -> e.getKey() + " (" + e.getValue() + ")")
        .collect(Collectors.joining("; "));
  }
}
