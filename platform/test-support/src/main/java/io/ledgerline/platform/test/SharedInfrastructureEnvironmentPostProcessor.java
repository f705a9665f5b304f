package io.ledgerline.platform.test;

import java.util.LinkedHashMap;
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

  private static final String TEST_LOGGING = "ledgerlineTestLogging";

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
      // properties (@SpringBootTest(properties = ...)), so a test can still point one setting
      // elsewhere, e.g. at WireMock.
      if (sources.contains(INLINED_TEST_PROPERTIES)) {
        sources.addAfter(INLINED_TEST_PROPERTIES, shared);
      } else {
        sources.addFirst(shared);
      }
    }
    if (!sources.contains(TEST_LOGGING)) {
      // Above the served configuration (config data is added after this), below a test's own
      // properties.
      sources.addLast(new MapPropertySource(TEST_LOGGING, testLogging()));
    }
  }

  private static Map<String, Object> testLogging() {
    Map<String, Object> logging = new LinkedHashMap<>();
    for (String logger : KafkaLogging.LOGGERS) {
      logging.put("logging.level." + logger, "WARN");
    }
    logging.put("logging.level.io.zonky.test.db.postgres", "WARN");
    // Human-readable lines in test reports; the services log ECS JSON everywhere else (config-repo
    // application.yml).
    logging.put("logging.structured.format.console", "");
    return logging;
  }

  @Override
  public int getOrder() {
    // Before ConfigDataEnvironmentPostProcessor (HIGHEST_PRECEDENCE + 10).
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
