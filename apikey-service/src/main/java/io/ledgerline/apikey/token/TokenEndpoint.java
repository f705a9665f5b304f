package io.ledgerline.apikey.token;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * RFC 6749 client credentials grant with HTTP Basic client authentication, for service and operator
 * clients. Errors use RFC 6749's JSON ({@code error}, {@code error_description}), not problem
 * details, because OAuth2 clients expect it.
 */
@RestController
class TokenEndpoint {

  private final ServiceClients clients;
  private final TokenIssuer issuer;

  TokenEndpoint(ServiceClients clients, TokenIssuer issuer) {
    this.clients = clients;
    this.issuer = issuer;
  }

  @PostMapping(
      path = "/oauth2/token",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> token(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
          @Nullable String authorization,
      @RequestParam(name = "grant_type", required = false) @Nullable String grantType,
      @RequestParam(name = "scope", required = false) @Nullable String scope) {
    var credentials = BasicCredentials.parse(authorization);
    if (credentials == null) {
      return invalidClient();
    }
    var client = clients.authenticate(credentials.id(), credentials.secret());
    if (client.isEmpty()) {
      return invalidClient();
    }
    if (grantType == null || grantType.isBlank()) {
      return error(HttpStatus.BAD_REQUEST, "invalid_request", "grant_type is required");
    }
    if (!"client_credentials".equals(grantType)) {
      return error(
          HttpStatus.BAD_REQUEST, "unsupported_grant_type", "only client_credentials is supported");
    }
    Set<String> granted = client.get().scopes();
    if (scope != null && !scope.isBlank()) {
      var requested = new TreeSet<>(Set.of(scope.trim().split("\\s+")));
      if (!granted.containsAll(requested)) {
        return error(
            HttpStatus.BAD_REQUEST, "invalid_scope", "the client may not request " + requested);
      }
      granted = requested;
    }
    var token = issuer.issue(client.get().id(), null, granted);
    var body = new LinkedHashMap<String, Object>();
    body.put("access_token", token.value());
    body.put("token_type", "Bearer");
    body.put("expires_in", token.expiresIn().toSeconds());
    body.put("scope", String.join(" ", new TreeSet<>(token.scopes())));
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .header(HttpHeaders.PRAGMA, "no-cache")
        .body(body);
  }

  private static ResponseEntity<Map<String, Object>> invalidClient() {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"ledgerline\"")
        .cacheControl(CacheControl.noStore())
        .body(
            Map.of("error", "invalid_client", "error_description", "client authentication failed"));
  }

  private static ResponseEntity<Map<String, Object>> error(
      HttpStatus status, String error, String description) {
    return ResponseEntity.status(status)
        .cacheControl(CacheControl.noStore())
        .body(Map.of("error", error, "error_description", description));
  }

  private record BasicCredentials(String id, String secret) {

    /** RFC 6749 2.3.1: id and secret are form-urlencoded before the Basic encoding. */
    static @Nullable BasicCredentials parse(@Nullable String authorization) {
      if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
        return null;
      }
      try {
        var decoded =
            new String(
                Base64.getDecoder().decode(authorization.substring(6).trim()),
                StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
          return null;
        }
        return new BasicCredentials(
            URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
            URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }

    @Override
    public String toString() {
      return "BasicCredentials[id=" + id + "]";
    }
  }
}
