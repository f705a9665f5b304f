package io.ledgerline.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The name a replica holds its leases under: the same again after a crash and restart. */
class LeaseHolderTest {

  private static SyncSettings settings(String replica) {
    return new SyncSettings(
        true, Duration.ofMinutes(15), Duration.ofSeconds(5), Duration.ofMinutes(2), 2, 50, replica);
  }

  @Test
  void aReplicaOnAFixedPortHasTheSameNameAfterARestart() {
    MockEnvironment environment = new MockEnvironment().withProperty("server.port", "8082");

    String first = SyncRunner.holder(settings(null), environment);
    String restarted = SyncRunner.holder(settings(null), environment);

    assertThat(first).endsWith(":8082").isEqualTo(restarted);
    assertThat(SyncRunner.holder(settings(null), environment.withProperty("server.port", "9082")))
        .as("another replica on this host")
        .isNotEqualTo(first);
  }

  @Test
  void aConfiguredNameWinsAndARandomPortGetsARandomName() {
    assertThat(SyncRunner.holder(settings(" pod-a "), new MockEnvironment())).isEqualTo("pod-a");
    MockEnvironment random = new MockEnvironment().withProperty("server.port", "0");
    assertThat(SyncRunner.holder(settings(null), random))
        .startsWith("replica-")
        .isNotEqualTo(SyncRunner.holder(settings(null), random));
  }
}
