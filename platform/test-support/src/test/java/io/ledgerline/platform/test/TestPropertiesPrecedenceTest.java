package io.ledgerline.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

@SpringBootTest(properties = "ledgerline.kafka.registry-url=http://localhost:1/stub-registry")
class TestPropertiesPrecedenceTest {

  @Autowired Environment environment;

  @Test
  void aTestsOwnPropertyWinsOverTheSharedInfrastructure() {
    assertThat(environment.getProperty("ledgerline.kafka.registry-url"))
        .isEqualTo("http://localhost:1/stub-registry");
    assertThat(environment.getProperty("spring.kafka.bootstrap-servers"))
        .isEqualTo(SharedInfrastructure.get().kafkaBootstrapServers());
  }
}
