package io.ledgerline.sync.invoicing;

import static io.ledgerline.sync.invoicing.Sales.completedSale;
import static io.ledgerline.sync.invoicing.Sales.usd;
import static io.ledgerline.sync.invoicing.Sales.widget;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.events.DealEvent;
import io.ledgerline.events.DealKind;
import io.ledgerline.events.InvoiceAction;
import io.ledgerline.events.InvoiceCommand;
import io.ledgerline.events.LineItem;
import io.ledgerline.events.Party;
import io.ledgerline.events.Platform;
import io.ledgerline.events.SaleEvent;
import io.ledgerline.events.SaleKind;
import io.ledgerline.events.Topics;
import io.ledgerline.platform.service.kafka.AvroCodec;
import io.ledgerline.platform.service.kafka.DeadLetterHeaders;
import io.ledgerline.platform.test.LedgerlineIntegrationTest;
import io.ledgerline.platform.test.TestTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The worker end to end on real Kafka, PostgreSQL, registry and config server: sales in, invoice
 * commands out through the outbox relay. Each test uses a tenant of its own, so the shared
 * infrastructure needs no cleaning.
 */
@LedgerlineIntegrationTest
@org.springframework.context.annotation.Import(io.ledgerline.sync.TestTokens.class)
class SaleInvoicingIntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Autowired AvroCodec codec;
  @Autowired KafkaProperties kafka;
  @Autowired JdbcClient jdbc;

  private TestTopics topics;
  private TestTopics.Reader commands;
  private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void connect() {
    topics =
        new TestTopics(
            String.join(",", kafka.getBootstrapServers()), codec::serialize, codec::deserialize);
    commands = topics.reader(Topics.INVOICE_COMMANDS);
  }

  @AfterEach
  void disconnect() {
    commands.close();
    topics.close();
  }

  @Test
  void turnsASaleIntoOneClientAndOneInvoiceCommand() {
    SaleEvent sale = completedSale().setTenantId(tenant).build();

    send(sale);

    InvoiceCommand command = awaitCommandFor(sale);
    ConsumerRecord<String, byte[]> record = recordFor(sale);
    assertThat(record.key())
        .isEqualTo(tenant + ":shopify:" + sale.getExternalId())
        .isEqualTo(Topics.sourceKey(tenant, Platform.SHOPIFY, sale.getExternalId()));
    UUID clientId =
        jdbc.sql("select id from clients where tenant_id = ?")
            .param(tenant)
            .query(UUID.class)
            .single();
    assertThat(command.getCommandId()).isEqualTo(InvoiceCommands.commandId(sale.getEventId()));
    assertThat(command.getTenantId()).isEqualTo(tenant);
    assertThat(command.getAction()).isEqualTo(InvoiceAction.ISSUE);
    assertThat(command.getSource().getPlatform()).isEqualTo(Platform.SHOPIFY);
    assertThat(command.getSource().getConnectionId()).isEqualTo("conn-1");
    assertThat(command.getSource().getExternalId()).isEqualTo(sale.getExternalId());
    assertThat(command.getSource().getReference()).isEqualTo("#1001");
    assertThat(command.getSource().getEventId()).isEqualTo(sale.getEventId());
    assertThat(command.getClientId()).isEqualTo(clientId.toString());
    Party client = command.getClient();
    assertThat(client.getExternalId()).isEqualTo("cust-1");
    assertThat(client.getName()).isEqualTo("Ada Lovelace");
    assertThat(client.getEmail()).isEqualTo("ada@example.com");
    assertThat(client.getPhone()).isEqualTo("+14155550100");
    assertThat(client.getTaxId()).isEqualTo("US-99");
    assertThat(client.getAddress().getLine1()).isEqualTo("1 Main St");
    assertThat(client.getAddress().getCity()).isEqualTo("Springfield");
    assertThat(client.getAddress().getPostalCode()).isEqualTo("12345");
    assertThat(client.getAddress().getCountry()).isEqualTo("US");
    assertThat(command.getCurrency()).isEqualTo("USD");
    assertThat(command.getTaxesIncluded()).isFalse();
    assertThat(command.getLines()).containsExactly(widget());
    assertThat(command.getShipping()).isEqualTo(usd("10.00"));
    assertThat(command.getIssuedAt()).isEqualTo(sale.getOccurredAt());
  }

  @Test
  void invoicesTheSameEventOnlyOnce() {
    SaleEvent sale = completedSale().setTenantId(tenant).build();
    // Same key, so same partition: once the marker's command is out, both copies were handled.
    SaleEvent marker =
        completedSale()
            .setTenantId(tenant)
            .setExternalId(sale.getExternalId())
            .setEventId(UUID.randomUUID().toString())
            .build();

    send(sale);
    send(sale);
    send(marker);

    awaitCommandFor(marker);
    assertThat(commandsFor(sale)).hasSize(1);
    assertThat(
            jdbc.sql("select count(*) from processed_events where tenant_id = ?")
                .param(tenant)
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void invoicesTheSameCustomerInTwoSalesToOneClient() {
    SaleEvent first = completedSale().setTenantId(tenant).build();
    SaleEvent second = completedSale().setTenantId(tenant).build();
    second.getCustomer().setEmail("ADA@example.com ");
    second.getCustomer().setExternalId(null);

    send(first);
    send(second);

    InvoiceCommand one = awaitCommandFor(first);
    InvoiceCommand two = awaitCommandFor(second);
    assertThat(two.getClientId()).isEqualTo(one.getClientId());
    assertThat(
            jdbc.sql("select count(*) from clients where tenant_id = ?")
                .param(tenant)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aRefundBecomesOneCreditCommandForItsSale() {
    SaleEvent refund =
        completedSale()
            .setTenantId(tenant)
            .setKind(SaleKind.REFUNDED)
            .setRefund(
                io.ledgerline.events.Refund.newBuilder()
                    .setRefundId("refund-77")
                    .setReason("damaged")
                    .build())
            .build();

    send(refund);
    send(refund);

    InvoiceCommand credit = awaitCommandFor(refund);
    assertThat(credit.getAction()).isEqualTo(io.ledgerline.events.InvoiceAction.CREDIT);
    assertThat(credit.getCredit().getRefundId()).isEqualTo("refund-77");
    assertThat(credit.getSource().getExternalId()).isEqualTo(refund.getExternalId());
    assertThat(credit.getLines()).hasSize(refund.getLines().size());
    assertThat(
            jdbc.sql("select outcome from processed_events where event_id = ?")
                .param(refund.getEventId())
                .query(String.class)
                .single())
        .isEqualTo("CREDITED");
  }

  @Test
  void aSaleWhoseEmailAndCustomerIdBelongToTwoClientsMergesThemAndIsInvoiced() {
    // Regression: this sale used to go to the dead-letter topic.
    SaleEvent byEmail = completedSale().setTenantId(tenant).build();
    byEmail.getCustomer().setExternalId(null);
    SaleEvent byId = completedSale().setTenantId(tenant).build();
    byId.getCustomer().setEmail(null);
    byId.getCustomer().setExternalId("cust-other");
    SaleEvent linking = completedSale().setTenantId(tenant).build();
    linking.getCustomer().setExternalId("cust-other");

    send(byEmail);
    String emailClient = awaitCommandFor(byEmail).getClientId();
    send(byId);
    String idClient = awaitCommandFor(byId).getClientId();
    send(linking);

    assertThat(idClient).isNotEqualTo(emailClient);
    assertThat(awaitCommandFor(linking).getClientId()).isEqualTo(emailClient);
    assertThat(
            jdbc.sql("select merged_into from clients where id = ?::uuid")
                .param(idClient)
                .query(String.class)
                .single())
        .isEqualTo(emailClient);
  }

  @Test
  void anonymousSalesGoToOneWalkInClient() {
    SaleEvent first = completedSale().setTenantId(tenant).setCustomer(null).build();
    SaleEvent second = completedSale().setTenantId(tenant).setCustomer(null).build();

    send(first);
    send(second);

    assertThat(awaitCommandFor(second).getClientId())
        .isEqualTo(awaitCommandFor(first).getClientId());
    assertThat(awaitCommandFor(first).getClient().getName()).isEqualTo("Walk-in customer");
  }

  @Test
  void sendsAPoisonSaleToTheDeadLetterTopicAndKeepsGoing() {
    try (TestTopics.Reader deadLetters = topics.reader(Topics.deadLetter(Topics.POS_SALES))) {
      SaleEvent withoutLines =
          completedSale().setTenantId(tenant).setLines(List.<LineItem>of()).build();
      SaleEvent good =
          completedSale().setTenantId(tenant).setExternalId(withoutLines.getExternalId()).build();
      String key = key(withoutLines);

      send(withoutLines);
      topics.sendRaw(Topics.POS_SALES, key, "not avro".getBytes(StandardCharsets.UTF_8));
      send(good);

      awaitCommandFor(good);
      List<ConsumerRecord<String, byte[]>> dead =
          deadLetters.await(
              records -> records.stream().filter(r -> key.equals(r.key())).count() >= 2, WAIT);
      List<ConsumerRecord<String, byte[]>> ours =
          dead.stream().filter(r -> key.equals(r.key())).toList();
      assertThat(header(ours.get(0), DeadLetterHeaders.REASON))
          .contains("cannot be invoiced")
          .contains("no lines");
      assertThat(header(ours.get(0), DeadLetterHeaders.EXCEPTION))
          .isEqualTo("io.ledgerline.platform.service.kafka.PermanentFailure");
      SaleEvent deadSale = topics.decode(Topics.POS_SALES, ours.get(0).value());
      assertThat(deadSale.getEventId()).isEqualTo(withoutLines.getEventId());
      assertThat(new String(ours.get(1).value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
      assertThat(commandsFor(withoutLines)).isEmpty();
    }
  }

  @Test
  void turnsAWonDealIntoACommandAndSkipsOtherDealChanges() {
    DealEvent updated = deal(DealKind.UPDATED).build();
    DealEvent won = deal(DealKind.WON).setExternalId(updated.getExternalId()).build();
    SaleEvent sale = completedSale().setTenantId(tenant).build();
    String key = Topics.sourceKey(tenant, Platform.HUBSPOT, won.getExternalId());

    topics.send(Topics.CRM_DEALS, key, updated);
    topics.send(Topics.CRM_DEALS, key, won);
    send(sale);

    commands.await(records -> decodedFor(records, won.getEventId()).size() == 1, WAIT);
    InvoiceCommand command = decodedFor(commands.drain(Duration.ZERO), won.getEventId()).get(0);
    assertThat(command.getSource().getPlatform()).isEqualTo(Platform.HUBSPOT);
    assertThat(command.getSource().getExternalId()).isEqualTo(won.getExternalId());
    assertThat(command.getCurrency()).isEqualTo("USD");
    assertThat(command.getLines()).hasSize(1);
    assertThat(command.getLines().get(0).getName()).isEqualTo("Annual plan");
    assertThat(command.getLines().get(0).getUnitPrice()).isEqualTo(usd("1200.00"));
    assertThat(command.getIssuedAt()).isEqualTo(won.getClosedAt());
    // The deal's buyer has the sale's e-mail: one client for both.
    assertThat(command.getClientId()).isEqualTo(awaitCommandFor(sale).getClientId());
    assertThat(decodedFor(commands.drain(Duration.ZERO), updated.getEventId())).isEmpty();
  }

  private DealEvent.Builder deal(DealKind kind) {
    return Sales.deal(tenant, kind);
  }

  private void send(SaleEvent sale) {
    topics.send(Topics.POS_SALES, key(sale), sale);
  }

  private static String key(SaleEvent sale) {
    return Topics.sourceKey(sale.getTenantId(), sale.getPlatform(), sale.getExternalId());
  }

  private InvoiceCommand awaitCommandFor(SaleEvent sale) {
    commands.await(records -> decodedFor(records, sale).size() >= 1, WAIT);
    return commandsFor(sale).get(0);
  }

  private ConsumerRecord<String, byte[]> recordFor(SaleEvent sale) {
    return commands.drain(Duration.ZERO).stream()
        .filter(r -> r.key().startsWith(tenant + ":"))
        .filter(
            r ->
                ((InvoiceCommand) topics.decode(Topics.INVOICE_COMMANDS, r.value()))
                    .getSource()
                    .getEventId()
                    .equals(sale.getEventId()))
        .findFirst()
        .orElseThrow();
  }

  private List<InvoiceCommand> commandsFor(SaleEvent sale) {
    return decodedFor(commands.drain(Duration.ZERO), sale);
  }

  private List<InvoiceCommand> decodedFor(
      List<ConsumerRecord<String, byte[]>> records, SaleEvent sale) {
    return decodedFor(records, sale.getEventId());
  }

  private List<InvoiceCommand> decodedFor(
      List<ConsumerRecord<String, byte[]>> records, String eventId) {
    return records.stream()
        .filter(r -> r.key() != null && r.key().startsWith(tenant + ":"))
        .map(r -> (InvoiceCommand) topics.decode(Topics.INVOICE_COMMANDS, r.value()))
        .filter(c -> c.getSource().getEventId().equals(eventId))
        .toList();
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
