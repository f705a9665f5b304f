package io.ledgerline.platform.test;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The same wiring as {@link SharedInfrastructureEnvironmentPostProcessor}, for contexts that are
 * not started by SpringApplication (plain {@code @ContextConfiguration} tests). Too late for {@code
 * spring.config.import}; Spring Boot tests get everything from the post-processor already.
 */
public final class SharedInfrastructureInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    SharedInfrastructureEnvironmentPostProcessor.apply(context.getEnvironment());
  }
}
