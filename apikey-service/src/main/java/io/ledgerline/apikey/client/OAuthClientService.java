package io.ledgerline.apikey.client;

import io.ledgerline.apikey.events.CredentialEvents;
import io.ledgerline.apikey.key.Scopes;
import io.ledgerline.apikey.tenant.TenantAdministration;
import io.ledgerline.events.CredentialStatus;
import io.ledgerline.platform.service.problem.ProblemException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tenants create, list and revoke their OAuth2 clients (client credentials grant). */
@Service
class OAuthClientService {

  private static final int MAX_NAME_LENGTH = 200;
  private static final String ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  record NewClient(@Nullable String name, @Nullable List<String> scopes) {}

  /** The stored client and the one and only time its secret is known. */
  record CreatedClient(OAuthClient client, String secret) {
    @Override
    public String toString() {
      return "CreatedClient[clientId=" + client.clientId() + "]";
    }
  }

  private final OAuthClients clients;
  private final TenantAdministration tenants;
  private final PasswordEncoder passwords;
  private final CredentialEvents events;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  OAuthClientService(
      OAuthClients clients,
      TenantAdministration tenants,
      PasswordEncoder passwords,
      CredentialEvents events,
      Clock clock) {
    this.clients = clients;
    this.tenants = tenants;
    this.passwords = passwords;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  CreatedClient create(
      String tenantId, @Nullable NewClient request, Collection<String> granterScopes) {
    tenants.active(tenantId).orElseThrow(() -> invalid("no active tenant"));
    if (request == null || request.name() == null || request.name().isBlank()) {
      throw invalid("name is required");
    }
    if (request.name().length() > MAX_NAME_LENGTH) {
      throw invalid("name is longer than " + MAX_NAME_LENGTH + " characters");
    }
    java.util.Set<String> scopes;
    try {
      scopes = Scopes.forNewKey(request.scopes(), granterScopes);
    } catch (Scopes.ScopeNotGrantable e) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN, "scope-not-grantable", "Scope not grantable", e.getMessage());
    }
    // Random, 256 bits for the secret; the secret is stored only as its password-encoder hash.
    String clientId = "llc_" + random(20);
    String secret = "llcs_" + random(43);
    var client =
        new OAuthClient(
            clientId,
            tenantId,
            request.name().strip(),
            passwords.encode(secret),
            scopes,
            clock.instant(),
            null);
    clients.add(client);
    return new CreatedClient(client, secret);
  }

  List<OAuthClient> list(String tenantId) {
    return clients.ofTenant(tenantId);
  }

  @Transactional
  void revoke(String tenantId, String clientId) {
    if (!clients.revoke(tenantId, clientId, clock.instant())) {
      throw new ProblemException(
          HttpStatus.NOT_FOUND, "not-found", "Not found", "no OAuth client " + clientId);
    }
    // Tokens already issued stop at the gateway at once, not when they expire.
    events.oauthClient(clientId, tenantId, CredentialStatus.REVOKED);
  }

  private String random(int length) {
    var chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    return new String(chars);
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(
        HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
  }
}
