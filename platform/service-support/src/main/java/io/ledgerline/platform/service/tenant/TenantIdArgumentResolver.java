package io.ledgerline.platform.service.tenant;

import io.ledgerline.platform.service.problem.ProblemException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves a {@link TenantId} controller parameter from the {@code tenant_id} claim of the JWT. */
final class TenantIdArgumentResolver implements HandlerMethodArgumentResolver {

  static final String CLAIM = "tenant_id";

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return TenantId.class.equals(parameter.getParameterType());
  }

  @Override
  public TenantId resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory) {
    return tenantOf(SecurityContextHolder.getContext().getAuthentication());
  }

  static TenantId tenantOf(Authentication authentication) {
    if (authentication == null
        || !authentication.isAuthenticated()
        || !(authentication.getPrincipal() instanceof Jwt jwt)) {
      throw new ProblemException(
          HttpStatus.UNAUTHORIZED,
          "unauthorized",
          "Unauthorized",
          "A valid bearer token is required.");
    }
    Object claim = jwt.getClaims().get(CLAIM);
    if (!(claim instanceof String value) || value.isBlank()) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "The token does not act for a tenant.");
    }
    try {
      return new TenantId(value);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "The token's tenant is not valid.");
    }
  }
}
