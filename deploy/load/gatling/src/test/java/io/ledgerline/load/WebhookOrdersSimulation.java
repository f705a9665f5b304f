package io.ledgerline.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Signed, unique Shopify orders at a constant rate to one connection's webhook URL (through the
 * gateway, as Shopify posts them). Bounded: {@code load.rate} orders per second (10) for {@code
 * load.seconds} (30). Fails the run when more than 0.1 % fail or p99 exceeds {@code load.p99Millis}
 * (1000). Only ever against an environment you own (the local platform by default).
 */
public class WebhookOrdersSimulation extends Simulation {

  private final Platform platform = Platform.load();
  private final AtomicLong orders = new AtomicLong(System.currentTimeMillis() * 1000);

  {
    Platform.require("webhookUrl", platform.webhookUrl);
    Platform.require("webhookSecret", platform.webhookSecret);
  }

  private final HttpProtocolBuilder protocol =
      http.contentTypeHeader("application/json").shareConnections();

  private ScenarioBuilder signedOrders() {
    return scenario("signed unique orders")
        .exec(
            session -> {
              long id = orders.incrementAndGet();
              String body = platform.order(id);
              return session
                  .set("body", body)
                  .set("signature", platform.sign(body))
                  .set("delivery", "load-" + id);
            })
        .exec(
            http("POST /webhooks/shopify/{connectionId}")
                .post(platform.webhookUrl)
                .header("X-Shopify-Topic", "orders/paid")
                .header("X-Shopify-Shop-Domain", platform.shopDomain)
                .header("X-Shopify-Webhook-Id", "#{delivery}")
                .header("X-Shopify-Hmac-Sha256", "#{signature}")
                .body(StringBody("#{body}"))
                .check(status().is(202)));
  }

  {
    double rate = Double.parseDouble(System.getProperty("load.rate", "10"));
    long seconds = Long.getLong("load.seconds", 30);
    setUp(signedOrders().injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(seconds))))
        .protocols(protocol)
        .maxDuration(Duration.ofSeconds(seconds + 60))
        .assertions(
            global().failedRequests().percent().lt(0.1),
            global().responseTime().percentile(99.0).lt(Integer.getInteger("load.p99Millis", 1000)));
  }
}
