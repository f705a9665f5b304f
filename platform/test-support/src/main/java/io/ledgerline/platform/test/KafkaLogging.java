package io.ledgerline.platform.test;

import org.slf4j.LoggerFactory;

/** Kafka logs thousands of INFO lines per broker start; tests keep only warnings. */
final class KafkaLogging {

  static final String[] LOGGERS = {"org.apache.kafka", "kafka", "state.change.logger"};

  private KafkaLogging() {}

  /**
   * Before Spring's logging system is set up (or without Spring), set the levels on logback
   * directly.
   */
  static void quieten() {
    for (String name : LOGGERS) {
      if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
        logger.setLevel(ch.qos.logback.classic.Level.WARN);
      }
    }
  }
}
