package io.ledgerline.load;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a simulation needs to know about the platform it loads: from {@code
 * deploy/local/run/platform.json} (the local platform writes it) or from system properties for any
 * other environment ({@code load.webhookUrl}, {@code load.webhookSecret}, {@code load.shopDomain},
 * {@code load.gatewayUrl}, {@code load.apiKey}), and how a Shopify order is signed.
 */
final class Platform {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  final String gatewayUrl;
  final String apiKey;
  final String webhookUrl;
  final String webhookSecret;
  final String shopDomain;
  private final ObjectNode sampleOrder;

  private Platform(JsonNode tenant, String gatewayUrl, ObjectNode sampleOrder) {
    JsonNode shop = tenant == null ? null : tenant.get("connections").get(0);
    this.gatewayUrl = System.getProperty("load.gatewayUrl", gatewayUrl);
    this.apiKey = System.getProperty("load.apiKey", tenant == null ? null : tenant.get("apiKey").asString());
    this.webhookUrl = System.getProperty("load.webhookUrl", shop == null ? null : shop.get("webhookUrl").asString());
    this.webhookSecret =
        System.getProperty("load.webhookSecret", shop == null ? null : shop.get("webhookSecret").asString());
    this.shopDomain = System.getProperty("load.shopDomain", shop == null ? "ledgerline-demo.myshopify.com" : shop.get("shopDomain").asString());
    this.sampleOrder = sampleOrder;
  }

  static Platform load() {
    Path root = Path.of(System.getProperty("load.root", "../../..")).toAbsolutePath().normalize();
    Path facts = root.resolve("deploy/local/run/platform.json");
    try {
      ObjectNode sample =
          (ObjectNode) JSON.readTree(root.resolve("deploy/local/samples/shopify-order-paid.json").toFile());
      if (!Files.exists(facts)) {
        return new Platform(null, System.getProperty("load.gatewayUrl"), sample);
      }
      JsonNode platform = JSON.readTree(facts.toFile());
      int tenant = Integer.getInteger("load.tenant", 1) - 1;
      return new Platform(platform.get("tenants").get(tenant), platform.get("gatewayUrl").asString(), sample);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Could not read " + facts + " (is the platform up?)", e);
    }
  }

  /** The sample order with its own id: a new sale, and downstream a new invoice. */
  String order(long id) {
    ObjectNode order = sampleOrder.deepCopy();
    order.put("id", id);
    order.put("admin_graphql_api_id", "gid://shopify/Order/" + id);
    order.put("name", "#LOAD-" + id);
    order.put("order_number", id % 1_000_000_000L);
    return JSON.writeValueAsString(order);
  }

  /** Shopify's signature: base64 of HMAC-SHA256 of the raw body with the connection's secret. */
  String sign(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(webhookSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static void require(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          what + " unknown: start the local platform (deploy/local/platform up) or pass -Dload." + what);
    }
  }
}
