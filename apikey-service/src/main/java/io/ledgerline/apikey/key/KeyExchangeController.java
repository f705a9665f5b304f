package io.ledgerline.apikey.key;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gateway trades an {@code X-API-Key} for a short-lived JWT here. The key itself is the
 * credential.
 */
@RestController
class KeyExchangeController {

  static final String API_KEY_HEADER = "X-API-Key";

  private final ApiKeyService service;

  KeyExchangeController(ApiKeyService service) {
    this.service = service;
  }

  @PostMapping(path = "/internal/api-keys/exchange", produces = "application/json")
  ResponseEntity<Map<String, Object>> exchange(
      @RequestHeader(name = API_KEY_HEADER, required = false) @Nullable String apiKey) {
    var token = service.exchange(apiKey);
    var body = new LinkedHashMap<String, Object>();
    body.put("access_token", token.value());
    body.put("token_type", "Bearer");
    body.put("expires_in", token.expiresIn().toSeconds());
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }
}
