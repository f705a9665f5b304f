package io.ledgerline.apikey.token;

import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators (scope {@code admin}) rotate the signing key before it is due (a suspected leak). The
 * new key is published at once and signs after {@code publish-ahead}.
 */
@RestController
class SigningKeyController {

  private final SigningKeyRing keys;

  SigningKeyController(SigningKeyRing keys) {
    this.keys = keys;
  }

  @PostMapping("/admin/signing-keys/rotations")
  ResponseEntity<Map<String, List<String>>> rotate() {
    keys.rotateNow();
    return ResponseEntity.accepted().body(Map.of("published", keys.publishedKeyIds()));
  }
}
