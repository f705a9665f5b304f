package io.ledgerline.local;

import java.util.List;
import java.util.Map;

/**
 * What a user of the local platform needs to know, as written to {@code run/platform.json}.
 *
 * @param gatewayUrl where tenants and platforms call
 * @param serviceUrls each service's own URL by name (operators only: the gateway does not route
 *     {@code /admin/**})
 * @param tenants the demo tenants
 */
public record PlatformFacts(
    String gatewayUrl,
    String configServerUrl,
    String registryUrl,
    String kafkaBootstrapServers,
    String postgresUrl,
    Map<String, String> serviceUrls,
    List<Tenant> tenants) {

  /** A demo tenant with its API key (shown here because this is a local, throw-away platform). */
  public record Tenant(String id, String name, String apiKey, List<Connection> connections) {}

  /** A tenant's connection to a platform, with what the platform must be told. */
  public record Connection(
      String id, String platform, String webhookUrl, String webhookSecret, String shopDomain) {}
}
