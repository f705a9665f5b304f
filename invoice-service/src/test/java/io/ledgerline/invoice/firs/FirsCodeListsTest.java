package io.ledgerline.invoice.firs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.ledgerline.invoice.invoice.TaxCategory;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** FIRS's code lists read from WireMock playing its resource endpoints: lookups, checks, cache. */
class FirsCodeListsTest {

  private final WireMockServer firs =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());
  private final JsonMapper json = JsonMapper.builder().build();
  private FirsCodeLists lists;
  private FirsAccount account;

  @BeforeEach
  void start() {
    firs.start();
    FirsLists.stub(firs);
    lists =
        new FirsCodeLists(
            new FirsClient(json, Duration.ofSeconds(2), Duration.ofSeconds(5)),
            Duration.ofHours(1));
    account =
        new FirsAccount(
            true,
            FirsAccount.Environment.SANDBOX,
            firs.baseUrl(),
            UUID.randomUUID(),
            "94ND90NR",
            new FirsAccount.Credentials("k", "s", "{}"));
  }

  @AfterEach
  void stop() {
    firs.stop();
  }

  @Test
  void typesAndPaymentMeansAreFoundByMeaningAndReadOnce() {
    assertThat(lists.invoiceType(account, FirsCodeLists.COMMERCIAL_INVOICE)).isEqualTo("381");
    assertThat(lists.invoiceType(account, FirsCodeLists.CREDIT_NOTE)).isEqualTo("380");
    assertThat(lists.paymentMeans(account, FirsCodeLists.CREDIT_TRANSFER)).contains("30");
    assertThat(lists.paymentMeans(account, "Bill of Exchange")).isEmpty();
    assertThatThrownBy(() -> lists.invoiceType(account, "Debit Note"))
        .isInstanceOf(FirsClient.Refused.class)
        .hasMessageContaining("no \"Debit Note\"");

    firs.verify(1, getRequestedFor(urlEqualTo("/api/v1/invoice/resources/invoice-types")));
    firs.verify(1, getRequestedFor(urlEqualTo("/api/v1/invoice/resources/payment-means")));
  }

  @Test
  void anExemptLineIsExemptedWhereFirsListsItElseZeroVat() {
    assertThat(lists.taxCategory(account, TaxCategory.STANDARD)).isEqualTo("STANDARD_VAT");
    assertThat(lists.taxCategory(account, TaxCategory.ZERO_RATED)).isEqualTo("ZERO_VAT");
    assertThat(lists.taxCategory(account, TaxCategory.EXEMPT)).isEqualTo("EXEMPTED");

    // Another FIRS (another base URL, its own cache entry) whose list has no EXEMPTED.
    WireMockServer other = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    other.start();
    try {
      other.stubFor(
          get(urlEqualTo("/api/v1/invoice/resources/tax-categories"))
              .willReturn(
                  ok(
                      "{\"code\":200,\"data\":[{\"code\":\"STANDARD_VAT\",\"value\":\"Standard"
                          + " Value-Added Tax\"},{\"code\":\"ZERO_VAT\",\"value\":\"Zero"
                          + " Value-Added Tax\"}]}")));
      FirsAccount elsewhere = at(other.baseUrl());
      assertThat(lists.taxCategory(elsewhere, TaxCategory.EXEMPT)).isEqualTo("ZERO_VAT");
      assertThat(lists.taxCategory(elsewhere, TaxCategory.OUT_OF_SCOPE)).isEqualTo("ZERO_VAT");
    } finally {
      other.stop();
    }
  }

  @Test
  void aSubmissionWithCodesFirsDoesNotListIsRefusedWithEveryProblem() {
    ObjectNode body = json.createObjectNode();
    body.put("invoice_type_code", "381");
    body.put("document_currency_code", "NGN");
    body.put("tax_currency_code", "NGN");
    body.putArray("tax_total")
        .addObject()
        .putArray("tax_subtotal")
        .addObject()
        .putObject("tax_category")
        .put("id", "STANDARD_VAT");
    body.putArray("payment_means").addObject().put("payment_means_code", "30");
    // A listed exemption (by HS code or heading) and none named: accepted.
    lists.check(account, body, List.of("VAT exempt: HS 3004.9000", "exempt by law"));

    body.put("invoice_type_code", "999");
    body.put("document_currency_code", "XAU");
    body.withArray("payment_means").addObject().put("payment_means_code", "ZZZ");
    assertThatThrownBy(() -> lists.check(account, body, List.of("exempt: 2915.3100")))
        .isInstanceOf(FirsClient.Refused.class)
        .hasMessage(
            "the type 999 is not in FIRS's invoice-types list; the document currency XAU is not"
                + " in FIRS's currencies list; the payment means ZZZ is not in FIRS's"
                + " payment-means list; the exemption 2915.3100 is not in FIRS's vat-exemptions"
                + " list");
  }

  @Test
  void aListFirsCouldNotServeIsNotCachedButAskedForAgain() {
    firs.stubFor(
        get(urlEqualTo("/api/v1/invoice/resources/currencies"))
            .atPriority(1)
            .inScenario("outage")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("back"));
    ObjectNode body = json.createObjectNode();
    body.put("invoice_type_code", "381");
    body.put("document_currency_code", "NGN");
    body.put("tax_currency_code", "NGN");

    assertThatThrownBy(() -> lists.check(account, body, List.of()))
        .isInstanceOf(FirsClient.Unavailable.class);
    lists.check(account, body, List.of());
    lists.check(account, body, List.of());

    firs.verify(2, getRequestedFor(urlEqualTo("/api/v1/invoice/resources/currencies")));
  }

  private FirsAccount at(String baseUrl) {
    return new FirsAccount(
        true,
        FirsAccount.Environment.SANDBOX,
        baseUrl,
        account.businessId(),
        account.serviceId(),
        account.credentials());
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }
}
