package io.ledgerline.apikey.token;

import java.time.Duration;
import java.util.Set;

/** A signed JWT and how long it lives. */
public record IssuedToken(String value, Duration expiresIn, Set<String> scopes) {

  @Override
  public String toString() {
    return "IssuedToken[expiresIn=" + expiresIn + ", scopes=" + scopes + "]";
  }
}
