package io.ledgerline.platform.service.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Describes a service's API the way the platform works: reached through the gateway ({@code
 * servers: /}), with a bearer JWT, an API key or an OAuth2 client-credentials token; each
 * operation's scope found by asking the service's own security rules (so the document cannot
 * disagree with them); every error an RFC 9457 problem ({@code application/problem+json}) with the
 * platform's problem types listed.
 */
final class PlatformOpenApi implements OpenApiCustomizer {

  static final String OAUTH2 = "oauth2";
  static final String BEARER = "bearer";
  static final String API_KEY = "apiKey";
  private static final String PROBLEM = "Problem";
  private static final String PROBLEM_JSON = "application/problem+json";

  private final String title;
  private final OpenApiSettings settings;
  private final List<SecurityFilterChain> chains;

  PlatformOpenApi(String title, OpenApiSettings settings, List<SecurityFilterChain> chains) {
    this.title = title;
    this.settings = settings;
    this.chains = chains;
  }

  @Override
  public void customise(OpenAPI openApi) {
    openApi.setInfo(new Info().title(title).version("v1").description(description()));
    openApi.setServers(List.of(new Server().url("/").description("the gateway")));
    var components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
    components.addSchemas(PROBLEM, problemSchema());
    components.addSecuritySchemes(
        BEARER,
        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"));
    components.addSecuritySchemes(
        API_KEY,
        new SecurityScheme()
            .type(SecurityScheme.Type.APIKEY)
            .in(SecurityScheme.In.HEADER)
            .name("X-API-Key"));
    var scopes = new Scopes();
    new TreeMap<>(settings.scopes()).forEach(scopes::addString);
    components.addSecuritySchemes(
        OAUTH2,
        new SecurityScheme()
            .type(SecurityScheme.Type.OAUTH2)
            .flows(
                new OAuthFlows()
                    .clientCredentials(new OAuthFlow().tokenUrl("/oauth2/token").scopes(scopes))));
    openApi.setComponents(components);
    if (openApi.getPaths() == null) {
      return;
    }
    openApi
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach((method, operation) -> describe(method, path, operation)));
  }

  private void describe(PathItem.HttpMethod method, String path, Operation operation) {
    var responses =
        operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
      // described by the service itself (the token endpoint: the client's own credentials)
      responses.putIfAbsent("default", problem("any other error"));
      operation.setResponses(responses);
      return;
    }
    var access = accessOf(method.name(), path.replaceAll("\\{[^}]+}", "x"));
    switch (access.kind()) {
      case PUBLIC -> operation.setSecurity(List.of());
      case SCOPE -> {
        operation.setSecurity(
            List.of(
                new SecurityRequirement().addList(OAUTH2, access.scope()),
                new SecurityRequirement().addList(BEARER),
                new SecurityRequirement().addList(API_KEY)));
        operation.addExtension("x-required-scope", access.scope());
        operation.setDescription(
            (operation.getDescription() == null ? "" : operation.getDescription() + "\n\n")
                + "Scope: `"
                + access.scope()
                + "`.");
        responses.putIfAbsent("401", problem("no valid token or API key (`unauthorized`)"));
        responses.putIfAbsent("403", problem("the token lacks the scope (`forbidden`)"));
      }
      case AUTHENTICATED -> {
        operation.setSecurity(
            List.of(
                new SecurityRequirement().addList(BEARER),
                new SecurityRequirement().addList(API_KEY)));
        responses.putIfAbsent("401", problem("no valid token or API key (`unauthorized`)"));
      }
    }
    responses.putIfAbsent(
        "429", problem("over the rate limit (`rate-limited`), see `Retry-After`"));
    responses.putIfAbsent("default", problem("any other error, as a problem detail"));
    operation.setResponses(responses);
  }

  enum Kind {
    PUBLIC,
    SCOPE,
    AUTHENTICATED
  }

  record Access(Kind kind, @Nullable String scope) {}

  /** Which of the known scopes opens this operation, by asking the service's own rules. */
  Access accessOf(String method, String path) {
    HttpServletRequest request = ProbeRequests.of(method, path);
    Optional<AuthorizationManager<HttpServletRequest>> manager =
        chains.stream()
            .filter(chain -> chain.matches(request))
            .findFirst()
            .flatMap(
                chain ->
                    chain.getFilters().stream()
                        .filter(AuthorizationFilter.class::isInstance)
                        .map(f -> ((AuthorizationFilter) f).getAuthorizationManager())
                        .findFirst());
    if (manager.isEmpty()) {
      return new Access(Kind.PUBLIC, null);
    }
    var anonymous =
        new AnonymousAuthenticationToken(
            "probe", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
    if (granted(manager.get(), anonymous, request)) {
      return new Access(Kind.PUBLIC, null);
    }
    for (String scope : new TreeMap<>(settings.scopes()).keySet()) {
      var token = new TestingAuthenticationToken("probe", null, "SCOPE_" + scope);
      token.setAuthenticated(true);
      if (granted(manager.get(), token, request)
          && !granted(manager.get(), authenticatedWithout(), request)) {
        return new Access(Kind.SCOPE, scope);
      }
    }
    return new Access(Kind.AUTHENTICATED, null);
  }

  private static Authentication authenticatedWithout() {
    var token = new TestingAuthenticationToken("probe", null, "SCOPE_none");
    token.setAuthenticated(true);
    return token;
  }

  private static boolean granted(
      AuthorizationManager<HttpServletRequest> manager,
      Authentication authentication,
      HttpServletRequest request) {
    Supplier<Authentication> who = () -> authentication;
    AuthorizationResult result = manager.authorize(who, request);
    return result != null && result.isGranted();
  }

  private String description() {
    var text = new StringBuilder();
    text.append("Reached through the gateway. Authenticate with `X-API-Key: llk_...`, or with ")
        .append("`Authorization: Bearer <JWT>` from `POST /oauth2/token` (client credentials). ")
        .append(
            "Every error is an RFC 9457 problem detail (`application/problem+json`) whose `type` ")
        .append("is one of:\n\n");
    new TreeMap<>(settings.problemTypes())
        .forEach(
            (kind, meaning) ->
                text.append("- `https://ledgerline.io/problems/")
                    .append(kind)
                    .append("`: ")
                    .append(meaning)
                    .append('\n'));
    return text.toString();
  }

  private static ApiResponse problem(String description) {
    return new ApiResponse()
        .description(description)
        .content(
            new Content()
                .addMediaType(
                    PROBLEM_JSON,
                    new MediaType()
                        .schema(new ObjectSchema().$ref("#/components/schemas/" + PROBLEM))));
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static ObjectSchema problemSchema() {
    var schema = new ObjectSchema();
    schema.description("RFC 9457 problem details");
    Map properties = new TreeMap<>();
    properties.put(
        "type",
        new StringSchema().format("uri").description("https://ledgerline.io/problems/<kind>"));
    properties.put("title", new StringSchema());
    properties.put("status", new IntegerSchema());
    properties.put("detail", new StringSchema());
    properties.put("instance", new StringSchema().format("uri"));
    schema.setProperties(properties);
    return schema;
  }
}
