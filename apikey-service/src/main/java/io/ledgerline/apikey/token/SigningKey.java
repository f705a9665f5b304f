package io.ledgerline.apikey.token;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

/** The one RSA key this process signs with. */
record SigningKey(RSAKey rsa) {

  JWKSet publicJwks() {
    return new JWKSet(rsa.toPublicJWK());
  }

  @Override
  public String toString() {
    return "SigningKey[kid=" + rsa.getKeyID() + "]";
  }
}
