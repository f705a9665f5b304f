package io.ledgerline.platforms.account;

import io.ledgerline.platforms.http.PlatformCallFailed;
import io.ledgerline.platforms.http.TokenPlacement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What connecting an account calls on one platform's API. Implementations are immutable and
 * stateless; each call gets what it needs in an {@link AccountCall}. Every method may throw {@link
 * PlatformCallFailed} (the platform refused or could not be reached).
 */
public interface AccountApi {

  /**
   * The hosts this platform's token and API calls reach by default (production and sandbox), as
   * {@link io.ledgerline.platforms.http.AllowedHosts} patterns. A deployment that overrides a URL
   * allows that URL's host instead.
   */
  List<String> hosts();

  /**
   * The account's API base URL, without a trailing slash, from its settings and facts (an instance
   * URL, API domain, shop or domain prefix), sandboxed where the settings ask.
   *
   * @throws IllegalArgumentException when the settings and facts do not name it
   */
  String apiUrl(Map<String, String> settings, Map<String, String> facts);

  /** Where the platform wants the access token: an OAuth one, or an account token. */
  default TokenPlacement tokenPlacement(boolean oauth) {
    return TokenPlacement.bearer();
  }

  /**
   * Whether an account may connect with a token the tenant gives (a private app's, an API or
   * personal token) instead of OAuth, and what that token is called, for messages; empty: not.
   */
  Optional<String> accountToken();

  /**
   * The settings a token connection takes besides the platform's connection settings (the account's
   * domain prefix, merchant id), which OAuth learns from the callback instead.
   */
  default Set<String> accountTokenSettingNames() {
    return Set.of();
  }

  /** Where an account connection's webhook secret comes from. */
  WebhookSecret webhookSecret(boolean oauth);

  /**
   * Who the account is: after the code exchange, or to check a given token before the connection
   * becomes active.
   */
  Account identify(AccountCall call);

  /** A cheap call that shows the connection works, and what it found. */
  Probe test(AccountCall call);

  /**
   * Revokes the connection's tokens where the platform allows it.
   *
   * @return whether anything was revoked
   */
  default boolean revoke(AccountCall call) {
    return false;
  }

  /**
   * Registers Ledgerline's webhooks for the account where the platform lets an app do so by API.
   *
   * @return empty where the platform has no such API (its webhooks are set up in the app)
   */
  default Optional<RegisteredWebhooks> registerWebhooks(AccountCall call, WebhookTarget target) {
    return Optional.empty();
  }

  /** Removes what {@link #registerWebhooks} registered. */
  default void removeWebhooks(AccountCall call, List<String> ids) {}

  /**
   * Extends registrations that expire ({@link RegisteredWebhooks#expiresAt()} not null) before they
   * do, registering them again where the platform no longer knows them.
   *
   * @param ids what {@link #registerWebhooks} (or the last renewal) returned
   * @return the registrations from now on (their new expiry; new ids where registered again)
   */
  default RegisteredWebhooks renewWebhooks(
      AccountCall call, WebhookTarget target, List<String> ids) {
    throw new UnsupportedOperationException("registrations on this platform do not expire");
  }

  /** Where the webhook secret of an account connection comes from. */
  enum WebhookSecret {
    /** The app's (client secret or configured key): nothing stored per connection. */
    APP,
    /** Ledgerline generates it and tells the platform when registering the webhook. */
    GENERATED,
    /** The platform issues it when the webhook is registered (Square's signature key). */
    FROM_REGISTRATION,
    /** The tenant gives it, now or later (a private app's secret). */
    GIVEN,
    /** The scheme has none. */
    NONE
  }
}
