package io.ledgerline.platforms.standardwebhooks;

import io.ledgerline.platforms.mapping.ConnectionMapping;
import io.ledgerline.platforms.mapping.InvalidMapping;
import io.ledgerline.platforms.mapping.MappingTemplate;
import io.ledgerline.platforms.normalization.JsonBodies;
import io.ledgerline.platforms.normalization.NormalizationFailed;
import io.ledgerline.platforms.normalization.Normalized;
import io.ledgerline.platforms.normalization.WebhookContext;
import io.ledgerline.platforms.normalization.WebhookNormalizer;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * Standard Webhooks carry any JSON; what it means is set by the connection's mapping template (ADR
 * 0010, {@link MappingTemplate}): with one, the body becomes the one {@code SaleEvent} or {@code
 * DealEvent} the template makes; without one, the body is checked to be JSON and stored, and emits
 * nothing (a replay after a template is set emits the event). The delivery id is the {@code
 * webhook-id} header, not in the body.
 */
final class StandardWebhooksNormalizer implements WebhookNormalizer {

  @Override
  public String platform() {
    return StandardWebhooksPlatform.ID;
  }

  @Override
  public Normalized normalize(WebhookContext context, byte[] body) {
    if (context.mappingTemplate() == null || context.mappingTemplate().isBlank()) {
      JsonBodies.parse(body);
      return Normalized.nothing(
          Optional.empty(), "Standard Webhooks: stored; no mapping template yet");
    }
    String event = context.mappingEvent() == null ? "sale" : context.mappingEvent();
    MappingTemplate template;
    try {
      template =
          MappingTemplate.compile(new ConnectionMapping.Template(context.mappingTemplate(), event));
    } catch (InvalidMapping e) {
      throw new NormalizationFailed("the mapping template: " + e.getMessage());
    }
    SpecificRecord made = template.apply(context, body);
    return new Normalized(
        List.of(made),
        Optional.empty(),
        "Standard Webhooks: mapped to " + made.getSchema().getName());
  }
}
