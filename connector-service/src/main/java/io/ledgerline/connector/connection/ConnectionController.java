package io.ledgerline.connector.connection;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.ledgerline.connector.connection.ConnectionService.ChangeConnection;
import io.ledgerline.connector.connection.ConnectionService.CreateConnection;
import io.ledgerline.connector.connection.ConnectionService.Created;
import io.ledgerline.connector.connection.ConnectionService.Rotated;
import io.ledgerline.platform.service.tenant.TenantId;
import io.ledgerline.platforms.connection.InvalidSetting;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant API. The tenant always comes from the token, never from the request; scopes are
 * checked by {@code SecurityConfiguration}. Secrets appear only in the responses that create them
 * (create, rotate), never in list or get.
 */
@RestController
@RequestMapping("/api/v1/connections")
class ConnectionController {

  private final ConnectionService service;
  private final ConnectAccount connect;
  private final TestConnection tester;
  private final DeleteConnection deleter;
  private final ConnectorSettings settings;

  ConnectionController(
      ConnectionService service,
      ConnectAccount connect,
      TestConnection tester,
      DeleteConnection deleter,
      ConnectorSettings settings) {
    this.service = service;
    this.connect = connect;
    this.tester = tester;
    this.deleter = deleter;
    this.settings = settings;
  }

  /**
   * @param auth {@code webhook} (the default: a webhook secret, no API access), {@code oauth2} or
   *     {@code token}
   * @param token the account token for {@code auth: token}
   */
  record CreateConnectionRequest(
      @NotBlank String platform,
      @NotBlank @Size(max = 200) String name,
      Map<String, String> settings,
      @JsonAlias("webhookSecret") @Size(max = 512) String secret,
      String auth,
      @Size(max = 4096) String token) {

    @Override
    public String toString() {
      return "CreateConnectionRequest[platform="
          + platform
          + ", name="
          + name
          + ", auth="
          + auth
          + "]";
    }
  }

  /** The account on the platform. */
  record AccountView(String id, String name) {}

  /**
   * @param status {@code OK}, {@code FAILING} (the last call failed), {@code
   *     PENDING_AUTHORIZATION}, {@code NEEDS_REAUTHORIZATION}, {@code DISABLED}, {@code DELETED},
   *     or {@code WEBHOOKS_ONLY} (a webhook connection: no API calls)
   */
  record HealthView(
      String status,
      Instant lastSuccessAt,
      String lastError,
      Instant tokenExpiresAt,
      Instant lastWebhookAt) {}

  record AuthorizationView(UUID connectionId, URI authorizationUrl, Instant expiresAt) {}

  record RotateSecretRequest(
      @JsonAlias("webhookSecret") @Size(max = 512) String secret, String overlap) {
    @Override
    public String toString() {
      return "RotateSecretRequest[overlap=" + overlap + "]";
    }
  }

  record ChangeConnectionRequest(
      @Size(min = 1, max = 200) String name,
      Map<String, String> settings,
      @JsonAlias("webhookSecret") @Size(max = 512) String secret) {
    @Override
    public String toString() {
      return "ChangeConnectionRequest[name=" + name + ", settings=" + settings + "]";
    }
  }

  record ConnectionView(
      UUID id,
      String platform,
      String name,
      String status,
      Map<String, String> settings,
      String webhookUrl,
      boolean secretConfigured,
      Instant createdAt,
      String auth,
      AccountView account,
      HealthView health) {}

  /**
   * Shows the secret once, here, so the tenant can paste it into the platform. Where the secret
   * rides in the URL (a token parameter), {@code webhookUrl} carries it here and nowhere else.
   */
  record CreatedConnectionView(
      UUID id,
      String platform,
      String name,
      String status,
      Map<String, String> settings,
      String webhookUrl,
      boolean secretConfigured,
      Instant createdAt,
      String webhookSecret,
      String auth,
      AccountView account,
      URI authorizationUrl,
      Instant authorizationExpiresAt) {
    @Override
    public String toString() {
      return "CreatedConnectionView[id=" + id + ", webhookSecret=***]";
    }
  }

  /** The new secret, once; the old one verifies until {@code previousSecretValidUntil}. */
  record RotatedSecretView(
      UUID connectionId,
      String platform,
      String webhookUrl,
      String webhookSecret,
      Instant previousSecretValidUntil) {
    @Override
    public String toString() {
      return "RotatedSecretView[connectionId=" + connectionId + ", webhookSecret=***]";
    }
  }

  @PostMapping
  ResponseEntity<CreatedConnectionView> create(
      TenantId tenant, @Valid @RequestBody CreateConnectionRequest request) {
    Connection.Auth auth = Connection.Auth.fromWire(request.auth());
    if (auth != Connection.Auth.WEBHOOK) {
      ConnectAccount.Connect command =
          new ConnectAccount.Connect(
              tenant.value(),
              request.platform(),
              request.name(),
              request.settings(),
              request.secret(),
              request.token());
      ConnectAccount.Connected connected =
          auth == Connection.Auth.OAUTH2 ? connect.byOAuth(command) : connect.byToken(command);
      Connection c = connected.connection();
      ConnectAccount.Authorization authorization = connected.authorization();
      return ResponseEntity.created(URI.create("/api/v1/connections/" + c.id()))
          .body(
              new CreatedConnectionView(
                  c.id(),
                  c.platform().id(),
                  c.name(),
                  c.status().name(),
                  c.settings(),
                  secretWebhookUrl(c, connected.secret()),
                  c.secretConfigured(),
                  c.createdAt(),
                  connected.secret(),
                  c.auth().wire(),
                  account(c),
                  authorization == null ? null : authorization.url(),
                  authorization == null ? null : authorization.expiresAt()));
    }
    if (request.token() != null) {
      throw new InvalidConnectionInput("token", "a token is for auth: token");
    }
    Created created =
        service.create(
            new CreateConnection(
                tenant.value(),
                request.platform(),
                request.name(),
                request.settings(),
                request.secret()));
    Connection c = created.connection();
    return ResponseEntity.created(URI.create("/api/v1/connections/" + c.id()))
        .body(
            new CreatedConnectionView(
                c.id(),
                c.platform().id(),
                c.name(),
                c.status().name(),
                c.settings(),
                secretWebhookUrl(c, created.secret()),
                c.secretConfigured(),
                c.createdAt(),
                created.secret(),
                c.auth().wire(),
                null,
                null,
                null));
  }

  /** A fresh authorization URL (the connection keeps its id; only the newest URL works). */
  @PostMapping("/{id}/authorize")
  AuthorizationView authorize(TenantId tenant, @PathVariable UUID id) {
    ConnectAccount.Authorization authorization = connect.authorize(tenant.value(), id);
    return new AuthorizationView(id, authorization.url(), authorization.expiresAt());
  }

  @PostMapping("/{id}/test")
  TestConnection.Result test(TenantId tenant, @PathVariable UUID id) {
    return tester.test(tenant.value(), id);
  }

  /** Revokes where the platform allows, stops all work, keeps the connection as history. */
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(TenantId tenant, @PathVariable UUID id) {
    deleter.delete(tenant.value(), id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping
  List<ConnectionView> list(TenantId tenant) {
    return service.list(tenant.value()).stream().map(this::view).toList();
  }

  @GetMapping("/{id}")
  ConnectionView get(TenantId tenant, @PathVariable UUID id) {
    return view(service.get(tenant.value(), id));
  }

  @PatchMapping("/{id}")
  ConnectionView change(
      TenantId tenant, @PathVariable UUID id, @Valid @RequestBody ChangeConnectionRequest request) {
    return view(
        service.change(
            tenant.value(),
            id,
            new ChangeConnection(request.name(), request.settings(), request.secret())));
  }

  @PostMapping("/{id}/secret-rotations")
  RotatedSecretView rotateSecret(
      TenantId tenant, @PathVariable UUID id, @Valid @RequestBody RotateSecretRequest request) {
    Rotated rotated = service.rotateSecret(tenant.value(), id, request.secret(), request.overlap());
    Connection c = rotated.connection();
    return new RotatedSecretView(
        c.id(),
        c.platform().id(),
        secretWebhookUrl(c, rotated.secret()),
        rotated.secret(),
        rotated.previousValidUntil());
  }

  @PostMapping("/{id}/disable")
  ConnectionView disable(TenantId tenant, @PathVariable UUID id) {
    return view(service.changeStatus(tenant.value(), id, ConnectionStatus.DISABLED));
  }

  @PostMapping("/{id}/enable")
  ConnectionView enable(TenantId tenant, @PathVariable UUID id) {
    return view(service.changeStatus(tenant.value(), id, ConnectionStatus.ACTIVE));
  }

  @ExceptionHandler(InvalidSetting.class)
  ResponseEntity<ProblemDetail> invalid(InvalidSetting exception) {
    var problem = ConnectionProblems.invalid(exception.field(), exception.getMessage());
    return ResponseEntity.status(problem.status()).body(problem.toProblemDetail());
  }

  @ExceptionHandler(InvalidConnectionInput.class)
  ResponseEntity<ProblemDetail> invalid(InvalidConnectionInput exception) {
    var problem = ConnectionProblems.invalid(exception.field(), exception.getMessage());
    return ResponseEntity.status(problem.status()).body(problem.toProblemDetail());
  }

  /** The URL the platform is told, as shown beside a fresh secret (once). */
  private String secretWebhookUrl(Connection c, String secret) {
    String url = settings.webhookUrl(c);
    return secret == null ? url : c.platform().connectionRules().webhookUrlWithSecret(url, secret);
  }

  private ConnectionView view(Connection c) {
    return new ConnectionView(
        c.id(),
        c.platform().id(),
        c.name(),
        c.status().name(),
        c.settings(),
        settings.webhookUrl(c),
        c.secretConfigured(),
        c.createdAt(),
        c.auth().wire(),
        account(c),
        health(c));
  }

  private static AccountView account(Connection c) {
    return c.account() == null ? null : new AccountView(c.account().id(), c.account().name());
  }

  private static HealthView health(Connection c) {
    Connection.Health h = c.health();
    String status =
        switch (c.status()) {
          case ACTIVE ->
              !c.isAccountConnection() ? "WEBHOOKS_ONLY" : h.failing() ? "FAILING" : "OK";
          default -> c.status().name();
        };
    return new HealthView(
        status, h.lastSuccessAt(), h.lastError(), h.tokenExpiresAt(), h.lastWebhookAt());
  }
}
