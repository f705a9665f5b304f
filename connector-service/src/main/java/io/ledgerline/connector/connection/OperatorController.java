package io.ledgerline.connector.connection;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator commands, service-to-service only ({@code internal} scope, never routed by the gateway):
 * {@code deploy/local/platform rewrap-secrets} calls it.
 */
@RestController
class OperatorController {

  private final RewrapSecrets rewrap;

  OperatorController(RewrapSecrets rewrap) {
    this.rewrap = rewrap;
  }

  /** Re-wraps every data key under the active KEK; {@code remaining} 0 means old KEKs can go. */
  @PostMapping("/internal/secrets/rewrap")
  RewrapSecrets.Report rewrap() {
    return rewrap.rewrap();
  }
}
