package io.ledgerline.platform.deadletters;

import io.ledgerline.platform.outbox.Outbox;
import io.ledgerline.platform.outbox.OutboxAutoConfiguration;
import io.ledgerline.platform.service.kafka.AvroCodec;
import io.ledgerline.platform.service.security.EndpointScopes;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dead letters for a service that consumes (Kafka listeners) and has an outbox: the index of its
 * dead-letter topics, reprocessing, the API and the metric. Off with {@code
 * ledgerline.dead-letters.enabled=false}.
 */
@AutoConfiguration(after = OutboxAutoConfiguration.class)
@ConditionalOnBean({Outbox.class, AvroCodec.class})
@ConditionalOnProperty(
    prefix = "ledgerline.dead-letters",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
@EnableConfigurationProperties(DeadLetterSettings.class)
public class DeadLettersAutoConfiguration {

  @Bean
  @DependsOnDatabaseInitialization
  DeadLetterSchema deadLetterSchema(DataSource dataSource) {
    return new DeadLetterSchema(dataSource);
  }

  @Bean
  DeadLetterEntries deadLetterEntries(DataSource dataSource, DeadLetterSchema deadLetterSchema) {
    return new DeadLetterEntries(JdbcClient.create(dataSource));
  }

  @Bean
  ReprocessDeadLetters reprocessDeadLetters(
      DeadLetterEntries entries,
      Outbox outbox,
      PlatformTransactionManager transactionManager,
      DeadLetterSettings settings,
      ObjectProvider<Clock> clock) {
    return new ReprocessDeadLetters(
        entries,
        outbox,
        new TransactionTemplate(transactionManager),
        clock.getIfAvailable(Clock::systemUTC),
        settings.batchSize());
  }

  @Bean
  @ConditionalOnBean(KafkaListenerEndpointRegistry.class)
  DeadLetterIndex deadLetterIndex(
      KafkaListenerEndpointRegistry listeners,
      DeadLetterEntries entries,
      KafkaProperties kafka,
      Environment environment) {
    String service = environment.getProperty("spring.application.name", "service");
    return new DeadLetterIndex(
        listeners, entries, kafka.buildConsumerProperties(), service + "-dead-letters");
  }

  @Bean
  @ConditionalOnBean(MeterRegistry.class)
  DeadLetterMetrics deadLetterMetrics(
      DeadLetterEntries entries, MeterRegistry meters, DeadLetterSettings settings) {
    return new DeadLetterMetrics(entries, meters, settings.metricsInterval());
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  static class Api {

    @Bean
    DeadLetterController deadLetterController(
        DeadLetterEntries entries, ReprocessDeadLetters reprocess, AvroCodec codec) {
      return new DeadLetterController(entries, reprocess, codec);
    }

    /** Before the service's own rules, which end in "everything else under /api is denied". */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    EndpointScopes deadLetterEndpointScopes() {
      return requests ->
          requests
              .requestMatchers("/admin/dead-letters", "/admin/dead-letters/**")
              .hasAuthority("SCOPE_admin")
              .requestMatchers(HttpMethod.GET, "/api/v1/dead-letters", "/api/v1/dead-letters/**")
              .hasAuthority("SCOPE_dead-letters:read")
              .requestMatchers(HttpMethod.POST, "/api/v1/dead-letters/reprocessing")
              .hasAuthority("SCOPE_dead-letters:reprocess");
    }
  }
}
