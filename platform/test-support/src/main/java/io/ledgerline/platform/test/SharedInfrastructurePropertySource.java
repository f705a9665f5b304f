package io.ledgerline.platform.test;

import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Answers the infrastructure settings from {@link SharedInfrastructure}, starting a piece only when
 * one of its properties is first read: a test that never touches a datasource never starts
 * PostgreSQL. Deliberately not enumerable, so nothing starts just because someone listed the
 * properties.
 *
 * <p>Both the environment-variable names the config repository's placeholders use ({@code
 * LEDGERLINE_KAFKA_BOOTSTRAP} ...) and the Spring properties themselves ({@code
 * spring.kafka.bootstrap-servers} ...) are answered, so a test gets the shared infrastructure
 * whether its settings come from the config server or from a local file.
 */
public final class SharedInfrastructurePropertySource extends PropertySource<SharedInfrastructure> {

  public static final String NAME = "ledgerlineSharedInfrastructure";

  private final Environment environment;

  SharedInfrastructurePropertySource(Environment environment) {
    super(NAME, SharedInfrastructure.get());
    this.environment = environment;
  }

  @Override
  public Object getProperty(String name) {
    SharedInfrastructure infrastructure = getSource();
    return switch (name) {
      case "LEDGERLINE_CONFIG_URL", "spring.cloud.config.uri" -> infrastructure.configServerUrl();
      case "LEDGERLINE_KAFKA_BOOTSTRAP", "spring.kafka.bootstrap-servers" ->
          infrastructure.kafkaBootstrapServers();
      case "LEDGERLINE_REGISTRY_URL", "ledgerline.kafka.registry-url" ->
          infrastructure.registryUrl();
      case "LEDGERLINE_POSTGRES_URL" -> infrastructure.postgresUrl();
      case "LEDGERLINE_POSTGRES_USERNAME", "spring.datasource.username" ->
          infrastructure.postgresUsername();
      case "LEDGERLINE_POSTGRES_PASSWORD", "spring.datasource.password" ->
          infrastructure.postgresPassword();
      case "spring.datasource.url" -> infrastructure.jdbcUrl(database());
      default -> null;
    };
  }

  /**
   * {@code ledgerline.database}, else the application name with dashes as underscores (the
   * project's scheme).
   */
  private String database() {
    String database = environment.getProperty("ledgerline.database");
    if (database != null && !database.isBlank()) {
      return database;
    }
    String application = environment.getProperty("spring.application.name");
    if (application == null || application.isBlank()) {
      throw new IllegalStateException(
          "A test datasource needs ledgerline.database or spring.application.name to name its database");
    }
    return application.replace('-', '_');
  }
}
