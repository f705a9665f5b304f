package io.ledgerline.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaProcessTest {

  @TempDir Path directory;

  @Test
  void failsFastWithTheLogTailWhenTheProcessDiesBeforeItAnswers() {
    try (JavaProcess process =
        JavaProcess.start(
            "short-lived",
            "32m",
            List.of(),
            List.of("-version"),
            Map.of(),
            directory.resolve("short-lived.log"))) {

      long start = System.nanoTime();
      assertThatThrownBy(
              () -> process.awaitHttpOk(URI.create("http://localhost:1/"), Duration.ofMinutes(1)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("short-lived exited with code 0")
          .hasMessageContaining("version");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }
  }

  @Test
  void stopsALongRunningProcessOnClose() {
    JavaProcess process =
        JavaProcess.start(
            "sleeper",
            "32m",
            List.of(),
            List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "io.ledgerline.platform.embedded.JavaProcessTest$Sleeper"),
            Map.of(),
            directory.resolve("sleeper.log"));

    assertThat(process.isAlive()).isTrue();
    process.close();

    assertThat(process.isAlive()).isFalse();
  }

  /** A child that would run for ten minutes unless stopped. */
  static final class Sleeper {
    public static void main(String[] args) throws InterruptedException {
      Thread.sleep(600_000);
    }
  }
}
