package io.ledgerline.platform.service.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every servlet service is an OAuth2 resource server: JWTs checked against the JWKS of
 * apikey-service ({@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}), scopes from the
 * {@code scope} claim as {@code SCOPE_x}, each service's scope rules from its {@link
 * EndpointScopes} beans. A service with other needs declares its own {@link SecurityFilterChain}s,
 * building its API chain with {@link ResourceServerSecurity}.
 */
@AutoConfiguration(
    before = {
      ServletWebSecurityAutoConfiguration.class,
      OAuth2ResourceServerWebSecurityAutoConfiguration.class
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecuritySettings.class)
public class SecuritySupportAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  AuthenticationEntryPoint ledgerlineAuthenticationEntryPoint(JsonMapper json) {
    return new ProblemAuthenticationEntryPoint(new ProblemResponses(json));
  }

  @Bean
  @ConditionalOnMissingBean
  AccessDeniedHandler ledgerlineAccessDeniedHandler(JsonMapper json) {
    return new ProblemAccessDeniedHandler(new ProblemResponses(json));
  }

  @Bean
  @ConditionalOnMissingBean
  ResourceServerSecurity ledgerlineResourceServerSecurity(
      SecuritySettings settings,
      AuthenticationEntryPoint entryPoint,
      AccessDeniedHandler accessDenied,
      ObjectProvider<EndpointScopes> endpointScopes) {
    return new ResourceServerSecurity(settings, entryPoint, accessDenied, endpointScopes);
  }

  @Bean
  @ConditionalOnMissingBean(SecurityFilterChain.class)
  SecurityFilterChain ledgerlineSecurityFilterChain(
      HttpSecurity http, ResourceServerSecurity resourceServer) throws Exception {
    return resourceServer.build(http);
  }
}
