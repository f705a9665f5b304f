package io.ledgerline.platforms.tenth;

import io.ledgerline.platforms.Platform;
import io.ledgerline.platforms.connection.ConnectionRules;
import io.ledgerline.platforms.connection.SecretRule;
import io.ledgerline.platforms.webhook.Crypto;
import io.ledgerline.platforms.webhook.Reason;
import io.ledgerline.platforms.webhook.Secrets;
import io.ledgerline.platforms.webhook.Verdict;
import io.ledgerline.platforms.webhook.WebhookScheme;
import java.util.EnumSet;
import java.util.Set;

/**
 * A tenth platform that exists only in the tests: one package and one line in the test resources'
 * {@code META-INF/services/io.ledgerline.platforms.Platform}, nothing else changed. It proves that
 * the registry, the completeness test and the shared rules pick a new platform up by itself.
 */
public final class TenthPlatform implements Platform {

  static final String TOKEN = "X-Acme-Token";

  private static final WebhookScheme WEBHOOKS =
      settings ->
          new io.ledgerline.platforms.webhook.WebhookVerifier() {
            @Override
            public String platform() {
              return "acme-books";
            }

            @Override
            public Verdict verify(
                io.ledgerline.platforms.webhook.WebhookRequest request,
                io.ledgerline.platforms.webhook.WebhookCredentials credentials) {
              String presented = request.headers().first(TOKEN).orElse("");
              if (presented.isEmpty()) {
                return Verdict.invalid(Reason.MISSING_SIGNATURE, "no " + TOKEN + " header");
              }
              return Secrets.matchAny(
                  credentials,
                  settings.evaluationInstant(request),
                  secret -> Crypto.equal(secret, presented),
                  Reason.BAD_CREDENTIAL,
                  null);
            }
          };

  private static final ConnectionRules RULES =
      () -> SecretRule.generatedIfAbsent("the shared token", 16, g -> g.hex(16));

  @Override
  public String id() {
    return "acme-books";
  }

  @Override
  public String displayName() {
    return "Acme Books";
  }

  @Override
  public Kind kind() {
    return Kind.CRM;
  }

  @Override
  public Set<Part> parts() {
    return EnumSet.of(Part.WEBHOOKS, Part.CONNECTION_RULES);
  }

  @Override
  public WebhookScheme webhooks() {
    return WEBHOOKS;
  }

  @Override
  public ConnectionRules connectionRules() {
    return RULES;
  }
}
