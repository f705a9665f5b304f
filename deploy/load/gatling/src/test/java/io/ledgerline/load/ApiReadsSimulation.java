package io.ledgerline.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * A tenant's integration reading through the gateway with its API key: the invoice list, the
 * credit notes and the webhook log. Bounded: {@code load.rate} requests per second (20) for {@code
 * load.seconds} (30); fails above 0.1 % errors or a p99 above {@code load.p99Millis} (500).
 */
public class ApiReadsSimulation extends Simulation {

  private final Platform platform = Platform.load();

  {
    Platform.require("gatewayUrl", platform.gatewayUrl);
    Platform.require("apiKey", platform.apiKey);
    double rate = Double.parseDouble(System.getProperty("load.rate", "20"));
    long seconds = Long.getLong("load.seconds", 30);
    setUp(
            scenario("api reads")
                .exec(
                    randomSwitch()
                        .on(
                            Choice.withWeight(
                                60,
                                http("GET /api/v1/invoices")
                                    .get("/api/v1/invoices?limit=20")
                                    .check(status().is(200))),
                            Choice.withWeight(
                                20,
                                http("GET /api/v1/credit-notes")
                                    .get("/api/v1/credit-notes?limit=20")
                                    .check(status().is(200))),
                            Choice.withWeight(
                                20,
                                http("GET /api/v1/webhooks")
                                    .get("/api/v1/webhooks?limit=20")
                                    .check(status().is(200)))))
                .injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(seconds))))
        .protocols(http.baseUrl(platform.gatewayUrl).header("X-API-Key", platform.apiKey))
        .maxDuration(Duration.ofSeconds(seconds + 60))
        .assertions(
            global().failedRequests().percent().lt(0.1),
            global().responseTime().percentile(99.0).lt(Integer.getInteger("load.p99Millis", 500)));
  }
}
