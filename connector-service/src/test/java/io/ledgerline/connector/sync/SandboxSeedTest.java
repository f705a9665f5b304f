package io.ledgerline.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.ledgerline.events.DealEvent;
import io.ledgerline.events.DealKind;
import io.ledgerline.events.SaleEvent;
import io.ledgerline.events.SaleKind;
import io.ledgerline.platforms.Platforms;
import io.ledgerline.platforms.api.ApiClient;
import io.ledgerline.platforms.api.ApiContext;
import io.ledgerline.platforms.api.Page;
import io.ledgerline.platforms.api.PlatformApi;
import io.ledgerline.platforms.mapping.ConnectionMapping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The local sandbox's seed data ({@code deploy/local/sandbox}, which {@code deploy/local/platform
 * demo-sync} pulls from): a historical pull from October 2026 on every platform's API, as the
 * sandbox plays it, makes a few won deals or completed sales and ends (no page loops for ever).
 */
class SandboxSeedTest {

  private static final Instant SINCE = Instant.parse("2026-10-01T00:00:00Z");
  private static final WireMockServer SANDBOX =
      new WireMockServer(
          WireMockConfiguration.options()
              .dynamicPort()
              .usingFilesUnderDirectory("../deploy/local/sandbox"));

  @BeforeAll
  static void start() {
    SANDBOX.start();
  }

  @AfterAll
  static void stop() {
    SANDBOX.stop();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "hubspot, 62515, , 3",
    "salesforce, 00D5g00000SANDBXEA, , 1",
    "pipedrive, ledgerline-demo, , 2",
    "zoho, 20105534, , 1",
    "square, MLSANDBOX, , 2",
    "shopify, ledgerline-demo.myshopify.com, , 1",
    "lightspeed, ledgerline-demo, EUR, 1",
    "clover, SANDBOXMRCH01, , 1",
  })
  void aHistoricalPullOfTheSandboxMakesInvoiceableEventsAndEnds(
      String platform, String accountId, String currency, int atLeast) {
    PlatformApi api = Platforms.installed().get(platform).api();
    ApiClient client =
        new SandboxApiClients(SANDBOX.baseUrl() + "/" + platform + "/api").forConnection(null);
    List<SpecificRecord> events = new ArrayList<>();
    for (String type : api.pullTypes()) {
      String cursor = api.start(type, SINCE);
      int pages = 0;
      while (cursor != null) {
        ApiContext context =
            new ApiContext(
                "tenant-1",
                UUID.fromString("00000000-0000-0000-0000-0000000000c1"),
                platform,
                accountId,
                currency,
                ConnectionMapping.DEFAULT);
        Page page = api.page(client, context, type, cursor);
        assertThat(page.failed()).as("%s page %d: events that failed", platform, pages).isZero();
        events.addAll(page.events());
        cursor = page.next();
        assertThat(++pages).as("%s pages", platform).isLessThan(10);
      }
    }
    assertThat(events).hasSizeGreaterThanOrEqualTo(atLeast);
    assertThat(events)
        .allSatisfy(
            e -> {
              if (e instanceof DealEvent deal) {
                assertThat(deal.getKind()).isEqualTo(DealKind.WON);
              } else {
                assertThat(((SaleEvent) e).getKind()).isIn(SaleKind.COMPLETED, SaleKind.REFUNDED);
              }
            });
  }
}
