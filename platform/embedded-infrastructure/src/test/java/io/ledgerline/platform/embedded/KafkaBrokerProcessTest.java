package io.ledgerline.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerProcessTest {

  @Test
  void startsARealBrokerProcessFromTheBuildClasspathAndRestartsOnItsData(
      @TempDir Path dataDirectory) throws IOException {
    Path log = dataDirectory.resolve("kafka.log");
    try (KafkaBrokerProcess broker =
        KafkaBrokerProcess.start(dataDirectory.resolve("kafka"), 0, log)) {
      assertThat(broker.bootstrapServers()).isEqualTo("localhost:" + broker.port());
      assertThat(accepts(broker.port())).isTrue();
    }
    try (KafkaBrokerProcess broker =
        KafkaBrokerProcess.start(dataDirectory.resolve("kafka"), 0, log)) {
      assertThat(broker.process().isAlive()).isTrue();
    }
  }

  private static boolean accepts(int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", port), 1000);
      return true;
    }
  }
}
