package io.ledgerline.invoice.firs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;
import java.util.Map;

/**
 * FIRS's code lists as its resource endpoints answer them (shapes from the MBS resource calls;
 * entries abridged), for WireMock playing FIRS. Invoice types are FIRS's, not UNTDID 1001.
 */
final class FirsLists {

  static final List<String> NAMES =
      List.of("invoice-types", "tax-categories", "vat-exemptions", "currencies", "payment-means");

  static final Map<String, String> BODIES =
      Map.of(
          "invoice-types",
          "[{\"code\":\"380\",\"value\":\"Credit Note\"},"
              + "{\"code\":\"381\",\"value\":\"Commercial Invoice\"},"
              + "{\"code\":\"396\",\"value\":\"Invoice Request\"}]",
          "tax-categories",
          "[{\"code\":\"STANDARD_VAT\",\"value\":\"Standard Value-Added Tax\"},"
              + "{\"code\":\"ZERO_VAT\",\"value\":\"Zero Value-Added Tax\"},"
              + "{\"code\":\"LOCAL_SALES_TAX\",\"value\":\"Local Sales Tax\"},"
              + "{\"code\":\"EXEMPTED\",\"value\":\"Exempted\"}]",
          "vat-exemptions",
          "[{\"heading_no\":\"30.04\",\"harmonized_system_code\":\"3004.9000\","
              + "\"tariff_category\":\"Medical and pharmaceutical products\",\"tariff\":\"0\","
              + "\"description\":\"Medicaments, put up in measured doses\"},{}]",
          "currencies",
          "[{\"symbol\":\"NGN\",\"name\":\"Nigerian Naira\",\"symbol_native\":\"₦\","
              + "\"decimal_digits\":2,\"rounding\":0,\"code\":\"NGN\","
              + "\"name_plural\":\"Nigerian nairas\"},"
              + "{\"symbol\":\"$\",\"name\":\"US Dollar\",\"symbol_native\":\"$\","
              + "\"decimal_digits\":2,\"rounding\":0,\"code\":\"USD\",\"name_plural\":\"US dollars\"}]",
          "payment-means",
          "[{\"code\":\"10\",\"value\":\"Cash\"},{\"code\":\"30\",\"value\":\"Credit Transfer\"},"
              + "{\"code\":\"43\",\"value\":\"ACH Debit\"},{\"code\":\"97\",\"value\":\"Other\"}]");

  private FirsLists() {}

  /** Every list in FIRS's {@code {"code":200,"data":[...]}} envelope. */
  static void stub(WireMockServer firs) {
    for (String name : NAMES) {
      firs.stubFor(
          get(urlEqualTo("/api/v1/invoice/resources/" + name))
              .atPriority(5)
              .willReturn(
                  aResponse()
                      .withStatus(200)
                      .withHeader("Content-Type", "application/json")
                      .withBody("{\"code\":200,\"data\":" + BODIES.get(name) + "}")));
    }
  }
}
