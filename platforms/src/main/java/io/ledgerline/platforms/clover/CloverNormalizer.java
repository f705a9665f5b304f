package io.ledgerline.platforms.clover;

import static io.ledgerline.platforms.normalization.JsonBodies.text;

import io.ledgerline.platforms.normalization.JsonBodies;
import io.ledgerline.platforms.normalization.NormalizationFailed;
import io.ledgerline.platforms.normalization.Normalized;
import io.ledgerline.platforms.normalization.SyncRequests;
import io.ledgerline.platforms.normalization.WebhookContext;
import io.ledgerline.platforms.normalization.WebhookNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import tools.jackson.databind.JsonNode;

/**
 * Clover: {@code {appId, merchants: {<merchantId>: [{objectId: "O:ABC", type: CREATE|UPDATE|DELETE,
 * ts}]}}}. Thin: one sync request per entry, the object type from the id's prefix (O order, P
 * payment, C customer, I inventory...; an unknown prefix is kept as it is), the external id after
 * the colon, the action the type in lower case. The one-time {@code {"verificationCode": ...}} body
 * is the caller's business: it emits nothing here.
 */
final class CloverNormalizer implements WebhookNormalizer {

  /** Clover's object id prefixes, from its webhook documentation. */
  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("A", "app"),
          Map.entry("C", "customer"),
          Map.entry("CA", "cash_adjustment"),
          Map.entry("E", "employee"),
          Map.entry("I", "inventory"),
          Map.entry("IC", "inventory_category"),
          Map.entry("IG", "inventory_modifier_group"),
          Map.entry("IM", "inventory_modifier"),
          Map.entry("M", "merchant"),
          Map.entry("O", "order"),
          Map.entry("P", "payment"));

  @Override
  public String platform() {
    return CloverPlatform.ID;
  }

  @Override
  public Normalized normalize(WebhookContext context, byte[] body) {
    JsonNode root = JsonBodies.parseObject(body);
    if (text(root, "verificationCode").isPresent()) {
      return Normalized.nothing(Optional.empty(), "Clover verification code");
    }
    JsonNode merchants = root.path("merchants");
    if (!merchants.isObject() || merchants.isEmpty()) {
      throw new NormalizationFailed("body has no merchants");
    }
    List<SpecificRecord> events = new ArrayList<>();
    for (JsonNode updates : merchants) {
      if (!updates.isArray()) {
        throw new NormalizationFailed("a merchant's updates are not a list");
      }
      for (JsonNode update : updates) {
        String objectId = JsonBodies.required(update, "objectId", "update");
        int colon = objectId.indexOf(':');
        if (colon <= 0 || colon == objectId.length() - 1) {
          throw new NormalizationFailed("objectId is not PREFIX:ID");
        }
        String prefix = objectId.substring(0, colon);
        events.add(
            SyncRequests.of(
                context,
                events.size(),
                TYPES.getOrDefault(prefix, prefix),
                objectId.substring(colon + 1),
                JsonBodies.required(update, "type", "update").toLowerCase(Locale.ROOT),
                JsonBodies.instant(update, "ts").orElse(context.receivedAt())));
      }
    }
    return new Normalized(
        events, Optional.empty(), "Clover: " + events.size() + " sync request(s)");
  }
}
