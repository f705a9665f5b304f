package io.ledgerline.ingest.webhook;

import io.ledgerline.events.SaleEvent;
import io.ledgerline.ingest.shopify.NotAnOrder;
import io.ledgerline.ingest.shopify.ShopifyOrders;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Interim implementation of {@link EventNormalization} until the {@code normalization} package
 * (every platform) is wired in: Shopify orders as before, every other platform stored without
 * events.
 */
@Component
class ShopifyOnlyNormalization implements EventNormalization {

  private static final String TOPIC = "x-shopify-topic";

  @Override
  public Result normalize(Input input) {
    if (!"shopify".equals(input.platform())) {
      return new Result(List.of(), null);
    }
    String topic = input.headers().get(TOPIC);
    try {
      if (!ShopifyOrders.isOrderTopic(topic)) {
        throw new NotAnOrder("topic is not an order topic");
      }
      JsonNode order = ShopifyOrders.parseOrder(input.body());
      if (!ShopifyOrders.isSale(topic)) {
        return new Result(List.of(), null);
      }
      SaleEvent sale =
          ShopifyOrders.toSaleEvent(
              order,
              new ShopifyOrders.Context(
                  input.webhookId().toString(),
                  input.tenantId(),
                  input.connectionId().toString(),
                  input.receivedAt()));
      return new Result(List.<SpecificRecord>of(sale), null);
    } catch (NotAnOrder e) {
      throw new NotNormalizable("The body is not a Shopify order: " + e.getMessage(), e);
    }
  }
}
