package io.ledgerline.platform.outbox;

import io.ledgerline.platform.service.kafka.AvroCodec;
import io.ledgerline.platform.service.kafka.KafkaSupportAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox of a service with a PostgreSQL DataSource: {@link Outbox} to append, {@link
 * OutboxRelay} to publish (unless {@code ledgerline.outbox.relay.enabled=false}), and the retention
 * job.
 */
@AutoConfiguration(
    after = {
      DataSourceAutoConfiguration.class,
      JdbcTemplateAutoConfiguration.class,
      FlywayAutoConfiguration.class,
      KafkaAutoConfiguration.class,
      KafkaSupportAutoConfiguration.class
    })
@ConditionalOnBean({DataSource.class, AvroCodec.class})
@EnableConfigurationProperties(OutboxSettings.class)
public class OutboxAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  PostgresDatabase outboxDatabase(DataSourceProperties dataSource) {
    return PostgresDatabase.of(
        dataSource.determineUrl(), dataSource.determineUsername(), dataSource.determinePassword());
  }

  /** After the service's own migrations; before anything can append. */
  @Bean
  @DependsOnDatabaseInitialization
  OutboxSchema outboxSchema(
      DataSource dataSource, OutboxSettings settings, PostgresDatabase outboxDatabase) {
    return new OutboxSchema(dataSource, settings, outboxDatabase);
  }

  @Bean
  @ConditionalOnMissingBean
  Outbox outbox(JdbcTemplate jdbc, AvroCodec codec, OutboxSchema outboxSchema) {
    return new Outbox(jdbc, codec);
  }

  @Bean
  @ConditionalOnProperty(
      prefix = "ledgerline.outbox.relay",
      name = "enabled",
      havingValue = "true",
      matchIfMissing = true)
  OutboxRelay outboxRelay(
      DataSource dataSource,
      PostgresDatabase outboxDatabase,
      OutboxSettings settings,
      KafkaProperties kafka,
      OutboxSchema outboxSchema,
      ObjectProvider<MeterRegistry> meters) {
    return new OutboxRelay(
        outboxDatabase,
        new ParkedRows(new JdbcTemplate(dataSource)),
        OutboxSchema.slotName(settings, outboxDatabase),
        OutboxSchema.publicationName(settings, outboxDatabase),
        settings.relay(),
        kafka.buildProducerProperties(),
        meters(meters));
  }

  /** Without a registry (a test slice) the meters go nowhere. */
  private static MeterRegistry meters(ObjectProvider<MeterRegistry> meters) {
    return meters.getIfAvailable(CompositeMeterRegistry::new);
  }

  @Bean
  OutboxMonitor outboxMonitor(
      DataSource dataSource,
      OutboxSettings settings,
      PostgresDatabase outboxDatabase,
      OutboxSchema outboxSchema,
      ObjectProvider<MeterRegistry> meters) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    return new OutboxMonitor(
        jdbc,
        new ParkedRows(jdbc),
        OutboxSchema.slotName(settings, outboxDatabase),
        settings.monitorInterval(),
        meters.getIfAvailable());
  }

  @Bean
  OutboxRetention outboxRetention(JdbcTemplate jdbc, OutboxSettings settings) {
    return new OutboxRetention(jdbc, settings);
  }
}
