/**
 * One shared set of real infrastructure per test JVM (PostgreSQL, an in-JVM Kafka broker, the
 * schema registry and the config server), started lazily and wired into Spring Boot tests by {@link
 * io.ledgerline.platform.test.SharedInfrastructureEnvironmentPostProcessor}.
 */
package io.ledgerline.platform.test;
