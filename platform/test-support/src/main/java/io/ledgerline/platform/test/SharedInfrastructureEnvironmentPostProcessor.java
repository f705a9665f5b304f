package io.ledgerline.platform.test;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

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

  /** Spring's TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME. */
  private static final String INLINED_TEST_PROPERTIES = "Inlined Test Properties";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    apply(environment);
  }

  static void apply(ConfigurableEnvironment environment) {
    if ("false".equalsIgnoreCase(environment.getProperty(ENABLED_PROPERTY))) {
      return;
    }
    MutablePropertySources sources = environment.getPropertySources();
    if (!sources.contains(SharedInfrastructurePropertySource.NAME)) {
      SharedInfrastructurePropertySource shared =
          new SharedInfrastructurePropertySource(environment);
      // Above system properties, environment variables and config data, but below a test's own
      // properties
      // (@SpringBootTest(properties = ...)), so a test can still point one setting elsewhere, e.g.
      // at WireMock.
      if (sources.contains(INLINED_TEST_PROPERTIES)) {
        sources.addAfter(INLINED_TEST_PROPERTIES, shared);
      } else {
        sources.addFirst(shared);
      }
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
                      "logging.level.state.change.logger", "WARN",
                      "logging.level.io.zonky.test.db.postgres", "WARN")));
    }
  }

  @Override
  public int getOrder() {
    // Before ConfigDataEnvironmentPostProcessor (HIGHEST_PRECEDENCE + 10).
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
