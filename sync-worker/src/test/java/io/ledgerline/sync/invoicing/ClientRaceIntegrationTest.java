package io.ledgerline.sync.invoicing;

import static io.ledgerline.sync.invoicing.Sales.completedSale;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.events.DealEvent;
import io.ledgerline.events.DealKind;
import io.ledgerline.events.InvoiceCommand;
import io.ledgerline.events.SaleEvent;
import io.ledgerline.events.Topics;
import io.ledgerline.platform.service.kafka.AvroCodec;
import io.ledgerline.platform.test.LedgerlineIntegrationTest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Regression for the client registry's race: a deal and a sale of one buyer (the same e-mail),
 * handled at the same instant by the two listeners' threads, made two clients (each looked the
 * e-mail up before the other committed; the loser's e-mail key was silently dropped). Both use
 * cases are started together from two threads, many times over, each round in a tenant of its own;
 * every round must end with one client that both invoice commands name.
 */
@LedgerlineIntegrationTest
@org.springframework.context.annotation.Import(io.ledgerline.sync.TestTokens.class)
class ClientRaceIntegrationTest {

  private static final int ROUNDS = 40;

  @Autowired InvoiceSale invoiceSale;
  @Autowired InvoiceDeal invoiceDeal;
  @Autowired JdbcClient jdbc;
  @Autowired AvroCodec codec;

  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void aDealAndASaleOfOneBuyerHandledAtOnceMakeOneClient() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String tenant = "race-" + UUID.randomUUID().toString().substring(0, 8);
      SaleEvent sale = completedSale().setTenantId(tenant).build();
      DealEvent deal = Sales.deal(tenant, DealKind.WON).build();

      List<Outcome> outcomes =
          together(() -> invoiceSale.invoice(sale), () -> invoiceDeal.invoice(deal));

      assertThat(outcomes).containsOnly(Outcome.INVOICED);
      assertThat(count("select count(*) from clients where tenant_id = ?", tenant))
          .as("clients of round %d", round)
          .isEqualTo(1);
      List<InvoiceCommand> commands = commandsOf(tenant);
      assertThat(commands).hasSize(2);
      assertThat(commands.get(0).getClientId()).isEqualTo(commands.get(1).getClientId());
      // The one client holds the e-mail and the sale's Shopify customer id.
      String clientId = commands.get(0).getClientId();
      assertThat(
              jdbc.sql("select client_id from client_emails where tenant_id = ?")
                  .param(tenant)
                  .query(UUID.class)
                  .list())
          .containsExactly(UUID.fromString(clientId));
      assertThat(
              jdbc.sql(
                      "select client_id from client_identities where tenant_id = ?"
                          + " and platform = 'SHOPIFY' and external_customer_id = 'cust-1'")
                  .param(tenant)
                  .query(UUID.class)
                  .single())
          .hasToString(clientId);
    }
  }

  @Test
  void twoAnonymousSalesHandledAtOnceGoToOneWalkInClient() throws Exception {
    for (int round = 0; round < ROUNDS / 4; round++) {
      String tenant = "race-" + UUID.randomUUID().toString().substring(0, 8);
      SaleEvent first = completedSale().setTenantId(tenant).setCustomer(null).build();
      SaleEvent second = completedSale().setTenantId(tenant).setCustomer(null).build();

      List<Outcome> outcomes =
          together(() -> invoiceSale.invoice(first), () -> invoiceSale.invoice(second));

      assertThat(outcomes).containsOnly(Outcome.INVOICED);
      assertThat(count("select count(*) from clients where tenant_id = ? and walk_in", tenant))
          .isEqualTo(1);
      List<InvoiceCommand> commands = commandsOf(tenant);
      String walkIn =
          jdbc.sql("select id from clients where tenant_id = ?")
              .param(tenant)
              .query(UUID.class)
              .single()
              .toString();
      assertThat(commands).extracting(InvoiceCommand::getClientId).containsExactly(walkIn, walkIn);
    }
  }

  /** Starts both at the same instant and waits for both. */
  private List<Outcome> together(Callable<Outcome> one, Callable<Outcome> two) throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    Future<Outcome> a = threads.submit(() -> atBarrier(start, one));
    Future<Outcome> b = threads.submit(() -> atBarrier(start, two));
    return List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
  }

  private static Outcome atBarrier(CyclicBarrier start, Callable<Outcome> work) throws Exception {
    start.await(10, TimeUnit.SECONDS);
    return work.call();
  }

  private List<InvoiceCommand> commandsOf(String tenant) {
    return jdbc
        .sql("select payload from outbox where aggregatetype = ? and aggregateid like ?")
        .params(Topics.INVOICE_COMMANDS, tenant + ":%")
        .query(byte[].class)
        .list()
        .stream()
        .map(bytes -> (InvoiceCommand) codec.deserialize(Topics.INVOICE_COMMANDS, bytes))
        .toList();
  }

  private long count(String sql, String tenant) {
    return jdbc.sql(sql).param(tenant).query(Long.class).single();
  }
}
