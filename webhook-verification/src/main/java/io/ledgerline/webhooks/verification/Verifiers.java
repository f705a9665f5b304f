package io.ledgerline.webhooks.verification;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The verifier of each platform, by platform id. */
public final class Verifiers {

  private static final Map<String, Function<VerificationSettings, WebhookVerifier>> FACTORIES =
      new LinkedHashMap<>();

  static {
    FACTORIES.put("hubspot", HubSpotVerifier::new);
    FACTORIES.put("salesforce", SalesforceVerifier::new);
    FACTORIES.put("pipedrive", PipedriveVerifier::new);
    FACTORIES.put("zoho", ZohoVerifier::new);
    FACTORIES.put("square", SquareVerifier::new);
    FACTORIES.put("shopify", ShopifyVerifier::new);
    FACTORIES.put("lightspeed", LightspeedVerifier::new);
    FACTORIES.put("clover", CloverVerifier::new);
    FACTORIES.put("standard-webhooks", StandardWebhooksVerifier::new);
  }

  private Verifiers() {}

  /** The platform ids, in a stable order. */
  public static Set<String> platforms() {
    return java.util.Collections.unmodifiableSet(FACTORIES.keySet());
  }

  /** With the system clock and a 5-minute tolerance. */
  public static WebhookVerifier forPlatform(String platform) {
    return forPlatform(platform, VerificationSettings.defaults());
  }

  /**
   * @throws IllegalArgumentException for an unknown platform id (see {@link #find})
   */
  public static WebhookVerifier forPlatform(String platform, VerificationSettings settings) {
    return find(platform, settings)
        .orElseThrow(() -> new IllegalArgumentException("unknown platform: " + platform));
  }

  /** Empty for an unknown platform id (webhook-ingest answers 404). */
  public static Optional<WebhookVerifier> find(String platform, VerificationSettings settings) {
    Function<VerificationSettings, WebhookVerifier> factory =
        platform == null ? null : FACTORIES.get(platform);
    return Optional.ofNullable(factory).map(f -> f.apply(settings));
  }
}
