package io.ledgerline.connector.connection;

import io.ledgerline.platforms.Platform;
import io.ledgerline.platforms.Platforms;
import io.ledgerline.platforms.http.AllowedHosts;
import io.ledgerline.platforms.oauth.OAuth2App;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The deployment's OAuth apps and platform endpoints, read once from {@link AccountSettings}: each
 * platform's URLs default to its production hosts; a configured URL replaces the default for every
 * account (a sandbox, a test server). Outbound calls go only to {@link #allowedHosts()}.
 */
@Component
class PlatformApps {

  private final AccountSettings settings;
  private final ConnectorSettings connector;

  PlatformApps(AccountSettings settings, ConnectorSettings connector) {
    this.settings = settings;
    this.connector = connector;
  }

  /** The platform's OAuth app; empty where the deployment configured no client id. */
  Optional<OAuth2App> app(Platform platform) {
    AccountSettings.App app = settings.platforms().get(platform.id());
    if (app == null || blank(app.clientId())) {
      return Optional.empty();
    }
    return Optional.of(
        new OAuth2App(
            app.clientId().trim(),
            orNull(app.clientSecret()),
            redirectUri(platform),
            scopes(app.scopes()),
            orNull(app.authorizeUrl()),
            orNull(app.tokenUrl()),
            orNull(app.apiUrl()),
            orNull(app.webhookSecret())));
  }

  /** Where the platform sends the tenant back: a public route through the gateway. */
  String redirectUri(Platform platform) {
    return connector.publicBase() + "/oauth/" + platform.id() + "/callback";
  }

  /** The account's API base URL: the deployment's override, else the platform's for the account. */
  String apiUrl(Connection connection) {
    return apiUrl(connection.platform(), connection.settings(), connection.facts());
  }

  String apiUrl(Platform platform, Map<String, String> settings, Map<String, String> facts) {
    AccountSettings.App app = this.settings.platforms().get(platform.id());
    if (app != null && !blank(app.apiUrl())) {
      String url = app.apiUrl().trim();
      return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
    return platform.accountApi().apiUrl(settings, facts);
  }

  /**
   * Every host a platform call may reach: each platform's default hosts, and the hosts of the
   * configured URLs; a platform whose token and API URLs are both configured reaches only those.
   */
  AllowedHosts allowedHosts() {
    List<String> patterns = new ArrayList<>();
    for (Platform platform : Platforms.installed().all()) {
      if (!platform.provides(Platform.Part.ACCOUNT_API)) {
        continue;
      }
      AccountSettings.App app = settings.platforms().get(platform.id());
      boolean replaced = app != null && !blank(app.tokenUrl()) && !blank(app.apiUrl());
      if (!replaced) {
        patterns.addAll(platform.accountApi().hosts());
      }
      if (app != null) {
        for (String url : Arrays.asList(app.tokenUrl(), app.apiUrl())) {
          if (!blank(url)) {
            patterns.add(AllowedHosts.patternOf(url.trim()));
          }
        }
      }
    }
    return AllowedHosts.of(patterns);
  }

  private static List<String> scopes(String configured) {
    if (blank(configured)) {
      return List.of();
    }
    return Arrays.stream(configured.trim().split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String orNull(String s) {
    return blank(s) ? null : s.trim();
  }
}
