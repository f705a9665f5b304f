package io.ledgerline.apikey.token;

import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public half of the signing key, for every resource server (gateway and services). */
@RestController
class JwksController {

  private final SigningKey signingKey;

  JwksController(SigningKey signingKey) {
    this.signingKey = signingKey;
  }

  @GetMapping(path = "/oauth2/jwks", produces = "application/json")
  ResponseEntity<Map<String, Object>> jwks() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noCache())
        .body(signingKey.publicJwks().toJSONObject(true));
  }
}
