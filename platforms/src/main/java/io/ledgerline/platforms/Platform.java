package io.ledgerline.platforms;

import io.ledgerline.platforms.account.AccountApi;
import io.ledgerline.platforms.api.PlatformApi;
import io.ledgerline.platforms.connection.ConnectionRules;
import io.ledgerline.platforms.normalization.WebhookNormalizer;
import io.ledgerline.platforms.oauth.OAuth2Spec;
import io.ledgerline.platforms.webhook.VerificationSettings;
import io.ledgerline.platforms.webhook.WebhookScheme;
import io.ledgerline.platforms.webhook.WebhookVerifier;
import java.util.Set;

/**
 * Everything Ledgerline knows about one platform, behind one small contract (Keycloak's provider
 * SPI is the model): an implementation lives in the platform's own package, is registered with one
 * line in {@code META-INF/services/io.ledgerline.platforms.Platform}, and {@link Platforms} finds
 * it through {@link java.util.ServiceLoader}. Services ask the platform; they never name one.
 *
 * <p>A platform declares the {@link Part parts} it provides in {@link #parts()} and overrides the
 * accessor of each; an accessor of an undeclared part throws {@link PartNotProvided}. The
 * completeness test holds every registered platform to its declaration.
 *
 * <p>Implementations are immutable and thread-safe, with a public no-argument constructor.
 */
public interface Platform {

  /** The id used in URLs, the API and the database: lower case, e.g. {@code shopify}. */
  String id();

  /** For people, e.g. {@code Shopify}. */
  String displayName();

  Kind kind();

  /** The parts this platform provides; each one's accessor works, every other one throws. */
  Set<Part> parts();

  default boolean provides(Part part) {
    return parts().contains(part);
  }

  /** How its webhooks arrive and are authenticated ({@link Part#WEBHOOKS}). */
  default WebhookScheme webhooks() {
    throw new PartNotProvided(this, Part.WEBHOOKS);
  }

  /** Its webhook verifier ({@link Part#WEBHOOKS}). */
  default WebhookVerifier verifier(VerificationSettings settings) {
    return webhooks().verifier(settings);
  }

  /** Its webhook payload rules ({@link Part#NORMALIZER}). */
  default WebhookNormalizer normalizer() {
    throw new PartNotProvided(this, Part.NORMALIZER);
  }

  /** What a connection's settings and secret mean ({@link Part#CONNECTION_RULES}). */
  default ConnectionRules connectionRules() {
    throw new PartNotProvided(this, Part.CONNECTION_RULES);
  }

  /** How an account is connected by OAuth2's authorization-code flow ({@link Part#OAUTH2}). */
  default OAuth2Spec oauth2() {
    throw new PartNotProvided(this, Part.OAUTH2);
  }

  /** What connecting an account calls on its API ({@link Part#ACCOUNT_API}). */
  default AccountApi accountApi() {
    throw new PartNotProvided(this, Part.ACCOUNT_API);
  }

  /**
   * How its objects are read through its API: fetching what a thin webhook names, pulling what
   * changed ({@link Part#API}).
   */
  default PlatformApi api() {
    throw new PartNotProvided(this, Part.API);
  }

  /** What the platform is to invoicing. */
  enum Kind {
    /** Deals: HubSpot, Salesforce, Pipedrive, Zoho CRM. */
    CRM,
    /** Sales: Square, Shopify, Lightspeed, Clover. */
    POS,
    /** Not one vendor: a scheme any sender can use (Standard Webhooks). */
    GENERIC
  }

  /** A part a platform may provide. */
  enum Part {
    /** {@link #webhooks()} and {@link #verifier(VerificationSettings)}. */
    WEBHOOKS,
    /** {@link #normalizer()}. */
    NORMALIZER,
    /** {@link #connectionRules()}. */
    CONNECTION_RULES,
    /** {@link #oauth2()}. */
    OAUTH2,
    /** {@link #accountApi()}. */
    ACCOUNT_API,
    /** {@link #api()}: fetching objects and pulling changes. */
    API
  }
}
