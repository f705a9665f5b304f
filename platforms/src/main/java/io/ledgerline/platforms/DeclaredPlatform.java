package io.ledgerline.platforms;

import io.ledgerline.platforms.account.AccountApi;
import io.ledgerline.platforms.api.PlatformApi;
import io.ledgerline.platforms.connection.ConnectionRules;
import io.ledgerline.platforms.normalization.WebhookNormalizer;
import io.ledgerline.platforms.oauth.OAuth2Spec;
import io.ledgerline.platforms.webhook.WebhookScheme;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A platform assembled from its parts: what it declares is exactly the parts it is given, so a
 * declaration cannot drift from what it provides. Subclasses (one per platform package) pass their
 * parts to the constructor and add nothing else unless a part needs code.
 */
public abstract class DeclaredPlatform implements Platform {

  private final String id;
  private final String displayName;
  private final Kind kind;
  private final WebhookScheme webhooks;
  private final WebhookNormalizer normalizer;
  private final ConnectionRules connectionRules;
  private final OAuth2Spec oauth2;
  private final java.util.function.Supplier<AccountApi> accountApiFactory;
  private volatile AccountApi accountApi;
  private final java.util.function.Supplier<PlatformApi> apiFactory;
  private volatile PlatformApi api;
  private final Set<Part> parts;

  /** Each part may be null: the platform does not provide it. */
  protected DeclaredPlatform(
      String id,
      String displayName,
      Kind kind,
      WebhookScheme webhooks,
      WebhookNormalizer normalizer,
      ConnectionRules connectionRules,
      OAuth2Spec oauth2) {
    this(id, displayName, kind, webhooks, normalizer, connectionRules, oauth2, null);
  }

  /**
   * Each part may be null: the platform does not provide it. The account API is a factory, called
   * once on first use.
   */
  protected DeclaredPlatform(
      String id,
      String displayName,
      Kind kind,
      WebhookScheme webhooks,
      WebhookNormalizer normalizer,
      ConnectionRules connectionRules,
      OAuth2Spec oauth2,
      java.util.function.Supplier<AccountApi> accountApi) {
    this(id, displayName, kind, webhooks, normalizer, connectionRules, oauth2, accountApi, null);
  }

  /**
   * Each part may be null: the platform does not provide it. The account API and the object API
   * (fetching and pulling, issue 7) are factories, each called once on first use.
   */
  protected DeclaredPlatform(
      String id,
      String displayName,
      Kind kind,
      WebhookScheme webhooks,
      WebhookNormalizer normalizer,
      ConnectionRules connectionRules,
      OAuth2Spec oauth2,
      java.util.function.Supplier<AccountApi> accountApi,
      java.util.function.Supplier<PlatformApi> api) {
    this.id = Objects.requireNonNull(id, "id");
    this.displayName = Objects.requireNonNull(displayName, "displayName");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.webhooks = webhooks;
    this.normalizer = normalizer;
    this.connectionRules = connectionRules;
    this.oauth2 = oauth2;
    // Made on first use: the registry (and verify-webhook, which runs without Jackson) only lists.
    this.accountApiFactory = accountApi;
    this.apiFactory = api;
    EnumSet<Part> declared = EnumSet.noneOf(Part.class);
    if (webhooks != null) {
      declared.add(Part.WEBHOOKS);
    }
    if (normalizer != null) {
      declared.add(Part.NORMALIZER);
    }
    if (connectionRules != null) {
      declared.add(Part.CONNECTION_RULES);
    }
    if (oauth2 != null) {
      declared.add(Part.OAUTH2);
    }
    if (accountApiFactory != null) {
      declared.add(Part.ACCOUNT_API);
    }
    if (apiFactory != null) {
      declared.add(Part.API);
    }
    this.parts = Set.copyOf(declared);
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final String displayName() {
    return displayName;
  }

  @Override
  public final Kind kind() {
    return kind;
  }

  @Override
  public final Set<Part> parts() {
    return parts;
  }

  @Override
  public final WebhookScheme webhooks() {
    return provided(webhooks, Part.WEBHOOKS);
  }

  @Override
  public final WebhookNormalizer normalizer() {
    return provided(normalizer, Part.NORMALIZER);
  }

  @Override
  public final ConnectionRules connectionRules() {
    return provided(connectionRules, Part.CONNECTION_RULES);
  }

  @Override
  public final OAuth2Spec oauth2() {
    return provided(oauth2, Part.OAUTH2);
  }

  @Override
  public final AccountApi accountApi() {
    provided(accountApiFactory, Part.ACCOUNT_API);
    AccountApi api = accountApi;
    if (api == null) {
      api = accountApiFactory.get();
      accountApi = api;
    }
    return api;
  }

  @Override
  public final PlatformApi api() {
    provided(apiFactory, Part.API);
    PlatformApi made = api;
    if (made == null) {
      made = apiFactory.get();
      api = made;
    }
    return made;
  }

  private <T> T provided(T part, Part which) {
    if (part == null) {
      throw new PartNotProvided(this, which);
    }
    return part;
  }

  @Override
  public String toString() {
    return "Platform[" + id + "]";
  }
}
