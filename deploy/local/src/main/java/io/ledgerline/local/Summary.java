package io.ledgerline.local;

import java.nio.file.Path;

/** What the launcher prints once everything is ready. */
final class Summary {

  private Summary() {}

  static String of(PlatformFacts facts, Path root, Path run, double seconds) {
    StringBuilder s = new StringBuilder();
    s.append(String.format("%nLedgerline is ready (%.0f s).%n%n", seconds));
    s.append("  Gateway           ").append(facts.gatewayUrl()).append('\n');
    s.append("  Config server     ").append(facts.configServerUrl()).append('\n');
    s.append("  Schema registry   ").append(facts.registryUrl()).append('\n');
    s.append("  Kafka             ").append(facts.kafkaBootstrapServers()).append('\n');
    s.append("  PostgreSQL        ").append(facts.postgresUrl()).append('\n');
    s.append("  Facts (JSON)      ")
        .append(root.relativize(run.resolve("platform.json")))
        .append("\n\n");
    int n = 1;
    for (PlatformFacts.Tenant tenant : facts.tenants()) {
      PlatformFacts.Connection shop = tenant.connections().get(0);
      s.append(String.format("  Demo tenant %d: %s (%s)%n", n, tenant.name(), tenant.id()));
      s.append("    API key          ").append(tenant.apiKey()).append('\n');
      s.append("    Shopify shop     ")
          .append(shop.shopDomain())
          .append(", connection ")
          .append(shop.id())
          .append('\n');
      s.append("    Webhook URL      ").append(shop.webhookUrl()).append('\n');
      s.append("    Webhook secret   ").append(shop.webhookSecret()).append("\n\n");
      n++;
    }
    s.append(
        "Post a signed sample Shopify order for tenant 1, read its invoice back and see FIRS (the"
            + " sandbox's stub) confirm it:\n\n");
    s.append("  deploy/local/platform demo-order 1\n\n");
    s.append("or by hand:\n\n");
    s.append("  source ").append(root.relativize(run.resolve("tenant-1.env"))).append('\n');
    s.append("  BODY=deploy/local/samples/shopify-order-paid.json\n");
    s.append(
        "  SIG=$(openssl dgst -sha256 -hmac \"$WEBHOOK_SECRET\" -binary < $BODY | base64 -w0)\n");
    s.append(
        "  curl -i -X POST \"$WEBHOOK_URL\" -H 'Content-Type: application/json' -H 'X-Shopify-Topic: orders/paid' \\\n");
    s.append(
        "       -H \"X-Shopify-Webhook-Id: $(cat /proc/sys/kernel/random/uuid)\" -H \"X-Shopify-Hmac-Sha256: $SIG\" --data-binary @$BODY\n");
    s.append("  curl -s -H \"X-API-Key: $API_KEY\" \"$GATEWAY_URL/api/v1/invoices\"\n\n");
    s.append("Ctrl-C stops everything (or 'deploy/local/platform down' after 'up --detach').\n");
    return s.toString();
  }
}
