package io.ledgerline.platforms.pipedrive;

import io.ledgerline.platforms.DeclaredPlatform;

/** Pipedrive: CRM deals; full webhooks (v2) behind HTTP Basic auth. */
public final class PipedrivePlatform extends DeclaredPlatform {

  static final String ID = "pipedrive";

  public PipedrivePlatform() {
    super(
        ID,
        "Pipedrive",
        Kind.CRM,
        new PipedriveWebhooks(),
        new PipedriveNormalizer(),
        new PipedriveConnectionRules());
  }
}
