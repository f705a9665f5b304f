package io.ledgerline.apikey.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The configured OAuth2 clients, with their secrets held only as hashes. */
@Component
class ServiceClients {

  record ServiceClient(String id, Set<String> scopes) {}

  private record Registered(ServiceClient client, byte[] secretHash) {}

  // Compared against when the id is unknown, so both paths cost the same.
  private static final byte[] UNKNOWN = sha256("unknown client");

  private final Map<String, Registered> byId = new HashMap<>();

  ServiceClients(ClientSettings settings) {
    for (var client : settings.clients()) {
      var previous =
          byId.put(
              client.id(),
              new Registered(
                  new ServiceClient(client.id(), Set.copyOf(client.scopes())),
                  sha256(client.secret())));
      if (previous != null) {
        throw new IllegalStateException("OAuth2 client configured twice: " + client.id());
      }
    }
  }

  Optional<ServiceClient> authenticate(String id, String secret) {
    var registered = byId.get(id);
    boolean matches =
        MessageDigest.isEqual(
            sha256(secret), registered == null ? UNKNOWN : registered.secretHash());
    return registered != null && matches ? Optional.of(registered.client()) : Optional.empty();
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
