package io.ledgerline.ingest.webhook;

import io.ledgerline.platforms.normalization.NormalizationFailed;
import io.ledgerline.platforms.normalization.Normalized;
import io.ledgerline.platforms.normalization.Normalizers;
import io.ledgerline.platforms.normalization.WebhookContext;
import org.springframework.stereotype.Component;

/** {@link EventNormalization} by the {@code normalization} package's per-platform rules. */
@Component
class PlatformNormalization implements EventNormalization {

  @Override
  public Result normalize(Input input) {
    try {
      Normalized normalized =
          Normalizers.forPlatform(input.platform())
              .normalize(
                  new WebhookContext(
                      input.tenantId(),
                      input.connectionId(),
                      input.platform(),
                      input.topic(),
                      input.webhookId(),
                      input.receivedAt(),
                      input.replay(),
                      input.currency(),
                      input.template(),
                      input.templateEvent(),
                      input.fetchable()),
                  input.body());
      return new Result(
          normalized.events(),
          normalized.platformEventId().orElse(null),
          normalized.summary(),
          normalized.contentKey().orElse(null));
    } catch (NormalizationFailed e) {
      throw new NotNormalizable(e.getMessage(), e);
    }
  }
}
