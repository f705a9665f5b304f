package io.ledgerline.gateway.auth;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/** A signed, unexpired token is still refused when its tenant is suspended or it was revoked. */
final class DeniedCredentialValidator implements OAuth2TokenValidator<Jwt> {

  private static final OAuth2Error DENIED =
      new OAuth2Error("invalid_token", "the credential is revoked or its tenant suspended", null);

  private final CredentialDenials denials;

  DeniedCredentialValidator(CredentialDenials denials) {
    this.denials = denials;
  }

  @Override
  public OAuth2TokenValidatorResult validate(Jwt token) {
    return denials.isDenied(token.getSubject(), token.getClaimAsString("tenant_id"))
        ? OAuth2TokenValidatorResult.failure(DENIED)
        : OAuth2TokenValidatorResult.success();
  }
}
