package io.ledgerline.platform.service.openapi;

import io.ledgerline.platform.service.tenant.TenantId;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every servlet service serves its OpenAPI document at {@code /v3/api-docs} (springdoc), described
 * the platform's way by {@link PlatformOpenApi}. The checked-in documents in {@code docs/api/} are
 * compared with it by each service's build (test-support's {@code OpenApiDocuments}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenApiCustomizer.class)
@EnableConfigurationProperties(OpenApiSettings.class)
public class OpenApiSupportAutoConfiguration {

  static {
    // Resolved from the JWT, never sent by the caller: not a parameter of the API.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(TenantId.class);
  }

  /** Last, so it also describes what a service's own customizers added. */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  OpenApiCustomizer ledgerlinePlatformOpenApi(
      Environment environment,
      OpenApiSettings settings,
      ObjectProvider<SecurityFilterChain> chains) {
    // Looked up when the document is built, after every chain exists.
    return openApi ->
        new PlatformOpenApi(
                environment.getProperty("spring.application.name", "ledgerline"),
                settings,
                List.copyOf(chains.orderedStream().toList()))
            .customise(openApi);
  }
}
