package io.ledgerline.platform.service.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.platform.service.problem.ProblemException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class TenantIdArgumentResolverTest {

  @Test
  void takesTheTenantFromTheTenantIdClaim() {
    TenantId tenant = TenantIdArgumentResolver.tenantOf(token(jwt("tenant-42")));

    assertThat(tenant).isEqualTo(new TenantId("tenant-42"));
  }

  @Test
  void rejectsAJwtWithoutTenantIdAsForbidden() {
    assertThatThrownBy(() -> TenantIdArgumentResolver.tenantOf(token(jwt(null))))
        .isInstanceOfSatisfying(
            ProblemException.class,
            problem -> {
              assertThat(problem.status().value()).isEqualTo(403);
              assertThat(problem.kind()).isEqualTo("forbidden");
            });
  }

  @Test
  void rejectsATenantIdThatCouldBreakKafkaKeys() {
    assertThatThrownBy(() -> TenantIdArgumentResolver.tenantOf(token(jwt("a:b"))))
        .isInstanceOfSatisfying(
            ProblemException.class, problem -> assertThat(problem.status().value()).isEqualTo(403));
  }

  @Test
  void rejectsAnAuthenticationThatIsNotAJwtAsUnauthorized() {
    TestingAuthenticationToken notAJwt = new TestingAuthenticationToken("user", "password");
    notAJwt.setAuthenticated(true);

    assertThatThrownBy(() -> TenantIdArgumentResolver.tenantOf(notAJwt))
        .isInstanceOfSatisfying(
            ProblemException.class, problem -> assertThat(problem.status().value()).isEqualTo(401));
  }

  @Test
  void rejectsAMissingAuthenticationAsUnauthorized() {
    assertThatThrownBy(() -> TenantIdArgumentResolver.tenantOf(null))
        .isInstanceOfSatisfying(
            ProblemException.class,
            problem -> assertThat(problem.kind()).isEqualTo("unauthorized"));
  }

  private static Jwt jwt(String tenant) {
    Jwt.Builder builder =
        Jwt.withTokenValue("token")
            .header("alg", "RS256")
            .subject("key-1")
            .issuedAt(Instant.now())
            .expiresAt(Instant.now().plusSeconds(300));
    if (tenant != null) {
      builder.claim("tenant_id", tenant);
    }
    return builder.build();
  }

  private static JwtAuthenticationToken token(Jwt jwt) {
    return new JwtAuthenticationToken(jwt, java.util.List.of());
  }
}
