package io.ledgerline.platform.test;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts the shared infrastructure into every Spring Boot application started in a test JVM that has
 * test-support on its classpath (registered in META-INF/spring.factories). It runs before config
 * data is processed, so a service's {@code spring.config.import:
 * configserver:${LEDGERLINE_CONFIG_URL:...}} reaches the test's config server; an
 * ApplicationContextInitializer would be too late for that.
 *
 * <p>Off with {@code -Dledgerline.test.shared-infrastructure=false} (or the same test property).
 */
public final class SharedInfrastructureEnvironmentPostProcessor
    implements EnvironmentPostProcessor, Ordered {

  public static final String ENABLED_PROPERTY = "ledgerline.test.shared-infrastructure";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    apply(environment);
  }

  static void apply(ConfigurableEnvironment environment) {
    if ("false".equalsIgnoreCase(environment.getProperty(ENABLED_PROPERTY))) {
      return;
    }
    if (!environment.getPropertySources().contains(SharedInfrastructurePropertySource.NAME)) {
      environment
          .getPropertySources()
          .addFirst(new SharedInfrastructurePropertySource(environment));
    }
    if (!environment.getPropertySources().contains("ledgerlineTestLogging")) {
      environment
          .getPropertySources()
          .addLast(
              new MapPropertySource(
                  "ledgerlineTestLogging",
                  Map.of(
                      "logging.level.org.apache.kafka", "WARN",
                      "logging.level.kafka", "WARN",
                      "logging.level.state.change.logger", "WARN")));
    }
  }

  @Override
  public int getOrder() {
    // Before ConfigDataEnvironmentPostProcessor (HIGHEST_PRECEDENCE + 10).
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
