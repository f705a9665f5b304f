package io.ledgerline.platforms.zoho;

import io.ledgerline.platforms.normalization.JsonBodies;
import io.ledgerline.platforms.normalization.NormalizationFailed;
import io.ledgerline.platforms.normalization.Normalized;
import io.ledgerline.platforms.normalization.SyncRequests;
import io.ledgerline.platforms.normalization.WebhookContext;
import io.ledgerline.platforms.normalization.WebhookNormalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import tools.jackson.databind.JsonNode;

/**
 * Zoho CRM Notifications: {@code {server_time, module, resource_uri, ids, affected_fields,
 * operation, channel_id, token, query_params}}. Thin: one sync request per id, object type the
 * module ({@code Deals}), action the operation ({@code insert}, {@code update}, {@code delete}). No
 * event id in the body.
 */
final class ZohoNormalizer implements WebhookNormalizer {

  @Override
  public String platform() {
    return ZohoPlatform.ID;
  }

  @Override
  public Normalized normalize(WebhookContext context, byte[] body) {
    JsonNode root = JsonBodies.parseObject(body);
    String module = JsonBodies.required(root, "module", "notification");
    String operation = JsonBodies.required(root, "operation", "notification");
    JsonNode ids = root.path("ids");
    if (!ids.isArray() || ids.isEmpty()) {
      throw new NormalizationFailed("notification has no ids");
    }
    Instant occurredAt = JsonBodies.instant(root, "server_time").orElse(context.receivedAt());
    List<SpecificRecord> events = new ArrayList<>();
    for (JsonNode id : ids) {
      String externalId;
      if (id.isString() && !id.asString().isBlank()) {
        externalId = id.asString().trim();
      } else if (id.isIntegralNumber()) {
        externalId = id.bigIntegerValue().toString();
      } else {
        throw new NormalizationFailed("an id is not a string or integer");
      }
      events.add(
          SyncRequests.of(context, events.size(), module, externalId, operation, occurredAt));
    }
    return new Normalized(
        events,
        Optional.empty(),
        "Zoho " + module + " " + operation + ": " + events.size() + " sync request(s)");
  }
}
