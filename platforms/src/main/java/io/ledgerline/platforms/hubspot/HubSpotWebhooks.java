package io.ledgerline.platforms.hubspot;

import io.ledgerline.platforms.webhook.Json;
import io.ledgerline.platforms.webhook.MalformedInput;
import io.ledgerline.platforms.webhook.VerificationSettings;
import io.ledgerline.platforms.webhook.WebhookScheme;
import io.ledgerline.platforms.webhook.WebhookVerifier;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * HubSpot's webhooks: an app has one target URL for every portal; a delivery is a JSON array of
 * events, each naming its {@code portalId}.
 */
final class HubSpotWebhooks implements WebhookScheme {

  @Override
  public WebhookVerifier verifier(VerificationSettings settings) {
    return new HubSpotVerifier(settings);
  }

  @Override
  public boolean appLevel() {
    return true;
  }

  @Override
  public Optional<String> accountId(byte[] body) {
    try {
      if (!(Json.parse(body) instanceof List<?> events) || events.isEmpty()) {
        return Optional.empty();
      }
      Set<String> portals = new HashSet<>();
      for (Object event : events) {
        if (!(event instanceof Map<?, ?> e) || e.get("portalId") == null) {
          return Optional.empty();
        }
        portals.add(number(e.get("portalId")));
      }
      return portals.size() == 1 ? Optional.of(portals.iterator().next()) : Optional.empty();
    } catch (MalformedInput e) {
      return Optional.empty();
    }
  }

  private static String number(Object value) {
    String s = String.valueOf(value);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
