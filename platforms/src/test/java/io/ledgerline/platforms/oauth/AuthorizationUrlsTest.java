package io.ledgerline.platforms.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.platforms.Platform;
import io.ledgerline.platforms.Platforms;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizationUrlsTest {

  private static final String REDIRECT = "https://api.ledgerline.test/oauth/callback";

  private static OAuth2App app() {
    return new OAuth2App("client-1", "secret-1", REDIRECT, List.of(), null, null);
  }

  private static Map<String, String> query(URI url) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : url.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      query.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return query;
  }

  private static AuthorizationUrls.Start start(String platform, Map<String, String> settings) {
    Platform p = Platforms.installed().get(platform);
    return AuthorizationUrls.start(p.oauth2(), app(), settings);
  }

  @Test
  void everyOAuthPlatformsUrlCarriesTheClientTheRedirectAFreshStateAndPkceWhereSupported()
      throws Exception {
    for (Platform platform : Platforms.installed().all()) {
      if (!platform.provides(Platform.Part.OAUTH2)) {
        continue;
      }
      OAuth2Spec spec = platform.oauth2();
      AuthorizationUrls.Start start =
          AuthorizationUrls.start(spec, app(), Map.of("shopDomain", "acme.myshopify.com"));
      Map<String, String> query = query(start.url());
      String id = platform.id();

      assertThat(query).as(id).containsEntry("client_id", "client-1");
      assertThat(query).as(id).containsEntry("redirect_uri", REDIRECT);
      assertThat(query).as(id).containsEntry("response_type", "code");
      assertThat(query.get("state"))
          .as(id)
          .isEqualTo(start.state())
          .hasSizeGreaterThanOrEqualTo(32);
      assertThat(start.state())
          .as(id + ": a new state each time")
          .isNotEqualTo(
              AuthorizationUrls.start(spec, app(), Map.of("shopDomain", "acme.myshopify.com"))
                  .state());
      if (spec.scopes().isEmpty()) {
        assertThat(query).as(id).doesNotContainKey("scope");
      } else {
        assertThat(query.get("scope"))
            .as(id)
            .isEqualTo(String.join(spec.scopeSeparator(), spec.scopes()));
      }
      if (spec.pkce()) {
        assertThat(query).as(id).containsEntry("code_challenge_method", "S256");
        byte[] digest =
            MessageDigest.getInstance("SHA-256")
                .digest(start.codeVerifier().getBytes(StandardCharsets.US_ASCII));
        assertThat(query.get("code_challenge"))
            .as(id + ": the S256 challenge of the verifier kept by the caller")
            .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
      } else {
        assertThat(query).as(id).doesNotContainKeys("code_challenge", "code_challenge_method");
        assertThat(start.codeVerifier()).as(id).isNull();
      }
      spec.authorizeParameters().forEach((k, v) -> assertThat(query).as(id).containsEntry(k, v));
    }
  }

  @Test
  void asksHubSpotForTheDealReadScopesOnItsConsentPage() {
    URI url = start("hubspot", Map.of()).url();

    assertThat(url.getHost()).isEqualTo("app.hubspot.com");
    assertThat(url.getPath()).isEqualTo("/oauth/authorize");
    assertThat(query(url).get("scope"))
        .isEqualTo(
            "crm.objects.deals.read crm.objects.line_items.read crm.objects.companies.read"
                + " crm.objects.contacts.read");
  }

  @Test
  void sendsAShopifyMerchantToTheirOwnShopsAdminWithCommaSeparatedScopes() {
    URI url = start("shopify", Map.of("shopDomain", "acme.myshopify.com")).url();

    assertThat(url.getHost()).isEqualTo("acme.myshopify.com");
    assertThat(url.getPath()).isEqualTo("/admin/oauth/authorize");
    assertThat(query(url).get("scope")).isEqualTo("read_orders,read_customers,read_products");
    assertThatThrownBy(() -> start("shopify", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void asksZohoForAnOfflineRefreshTokenAndSquareForNoSessionWithoutPkce() {
    Map<String, String> zoho = query(start("zoho", Map.of()).url());
    Map<String, String> square = query(start("square", Map.of()).url());

    assertThat(zoho).containsEntry("access_type", "offline").containsEntry("prompt", "consent");
    assertThat(zoho.get("scope")).startsWith("ZohoCRM.modules.deals.READ,");
    // Square's code flow for a confidential app uses the client secret; its PKCE flow replaces it.
    assertThat(square).containsEntry("session", "false").doesNotContainKey("code_challenge");
  }

  @Test
  void aConfiguredEndpointAndScopesWinOverTheDefaults() {
    OAuth2App configured =
        new OAuth2App(
            "client-1",
            "secret-1",
            REDIRECT,
            List.of("crm.objects.deals.read"),
            "http://127.0.0.1:9999/hubspot/oauth/authorize",
            null);

    URI url =
        AuthorizationUrls.start(Platforms.installed().get("hubspot").oauth2(), configured, Map.of())
            .url();

    assertThat(url.toString()).startsWith("http://127.0.0.1:9999/hubspot/oauth/authorize?");
    assertThat(query(url)).containsEntry("scope", "crm.objects.deals.read");
  }

  @Test
  void neverShowsTheClientSecretStateOrVerifierInToString() {
    AuthorizationUrls.Start start = start("salesforce", Map.of());

    assertThat(app().toString()).doesNotContain("secret-1");
    assertThat(start.toString()).doesNotContain(start.state()).doesNotContain(start.codeVerifier());
  }
}
