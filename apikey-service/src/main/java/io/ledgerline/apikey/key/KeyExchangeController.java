package io.ledgerline.apikey.key;

import io.ledgerline.apikey.key.KeyViews.UsageBatch;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** What only the gateway calls: the key-for-JWT exchange, and the usage it counted. */
@RestController
class KeyExchangeController {

  static final String API_KEY_HEADER = "X-API-Key";

  private final ApiKeyService service;

  KeyExchangeController(ApiKeyService service) {
    this.service = service;
  }

  /**
   * The key itself is the credential. {@code valid_until} (epoch seconds, when the key has an end:
   * its expiry, or the end of a rotation's overlap for an old secret) bounds how long the gateway
   * may reuse the answer.
   */
  @PostMapping(path = "/internal/api-keys/exchange", produces = "application/json")
  ResponseEntity<Map<String, Object>> exchange(
      @RequestHeader(name = API_KEY_HEADER, required = false) @Nullable String apiKey) {
    var exchanged = service.exchange(apiKey);
    var body = new LinkedHashMap<String, Object>();
    body.put("access_token", exchanged.token().value());
    body.put("token_type", "Bearer");
    body.put("expires_in", exchanged.token().expiresIn().toSeconds());
    // What the gateway keys its cache eviction and usage counts by.
    body.put("key_id", exchanged.keyId().toString());
    body.put("tenant_id", exchanged.tenantId());
    if (exchanged.validUntil() != null) {
      body.put("valid_until", exchanged.validUntil().getEpochSecond());
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }

  /** Scope {@code internal}: the gateway's batched request counts. */
  @PostMapping("/internal/api-keys/usage")
  ResponseEntity<Void> usage(@RequestBody UsageBatch batch) {
    service.recordUsage(batch.items());
    return ResponseEntity.noContent().build();
  }
}
