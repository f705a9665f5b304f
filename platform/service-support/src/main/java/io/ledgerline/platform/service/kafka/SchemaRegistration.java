package io.ledgerline.platform.service.kafka;

import io.ledgerline.events.Topics;
import io.ledgerline.platform.service.failure.FailureKind;
import io.ledgerline.platform.service.failure.Failures;
import java.time.Duration;
import java.util.Map;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;

/**
 * Registers (or finds) the value schema of every topic of the platform when the service starts, and
 * keeps them in the {@link AvroCodec}: afterwards no request and no listener needs the registry for
 * them, so a registry outage does not touch the flow of events, and concurrent first requests no
 * longer race to register the same schema inside their transactions (the in-memory registry
 * answered some of them with {@code Concurrent update in table "SEQUENCES"}).
 *
 * <p>An application runner: Spring Boot calls it after the web server is up (the service is live)
 * and before it reports ready, so a service whose registry is down waits here, not ready, and tries
 * again with back-off until it can register.
 */
final class SchemaRegistration implements ApplicationRunner, Ordered {

  private static final Logger log = LoggerFactory.getLogger(SchemaRegistration.class);
  private static final Duration FIRST_WAIT = Duration.ofMillis(200);
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

  private final AvroCodec codec;
  private final Map<String, Schema> schemas;

  SchemaRegistration(AvroCodec codec, Map<String, Schema> schemas) {
    this.codec = codec;
    this.schemas = schemas;
  }

  SchemaRegistration(AvroCodec codec) {
    this(codec, Topics.VALUE_SCHEMAS);
  }

  @Override
  public void run(ApplicationArguments args) throws InterruptedException {
    long begin = System.nanoTime();
    for (Map.Entry<String, Schema> topic : schemas.entrySet()) {
      registerUntilItWorks(topic.getKey(), topic.getValue());
    }
    log.info(
        "Registered the value schemas of {} topics in {} ms",
        schemas.size(),
        (System.nanoTime() - begin) / 1_000_000);
  }

  private void registerUntilItWorks(String topic, Schema schema) throws InterruptedException {
    Duration wait = FIRST_WAIT;
    for (int attempt = 1; ; attempt++) {
      try {
        long contentId = codec.register(topic, schema);
        log.debug("Schema {} of {} has content id {}", schema.getFullName(), topic, contentId);
        return;
      } catch (RuntimeException e) {
        if (Failures.classify(e) == FailureKind.PERMANENT) {
          // an incompatible schema: the deployment is wrong, and waiting will not fix it
          throw new IllegalStateException(
              "The registry refuses the schema of " + topic + ": " + e.getMessage(), e);
        }
        log.warn(
            "Cannot register the schema of {} yet (attempt {}), retrying in {} ms: {}",
            topic,
            attempt,
            wait.toMillis(),
            e.toString());
        Thread.sleep(wait.toMillis());
        wait =
            wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
      }
    }
  }

  /** First among the runners: nothing else should start work before the schemas are known. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
