package io.ledgerline.connector.connection;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;

/**
 * The tenant of a request is the token's {@code tenant_id} claim; a token without one is not a
 * tenant's.
 */
final class Tenants {

  private Tenants() {}

  static String of(Jwt jwt) {
    String tenant = jwt == null ? null : jwt.getClaimAsString("tenant_id");
    if (tenant == null || tenant.isBlank()) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "The token names no tenant");
      problem.setType(URI.create("https://ledgerline.io/problems/tenant-required"));
      throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
    }
    return tenant;
  }
}
