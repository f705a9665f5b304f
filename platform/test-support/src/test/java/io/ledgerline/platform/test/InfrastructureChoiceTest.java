package io.ledgerline.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.platform.test.InfrastructureChoice.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfrastructureChoiceTest {

  private static final BooleanSupplier DOCKER = () -> true;
  private static final BooleanSupplier NO_DOCKER = () -> false;
  private static final BooleanSupplier NOT_ASKED =
      () -> {
        throw new AssertionError("Docker must not be asked");
      };

  @Test
  void byDefaultTakesContainersWhereADockerEngineAnswers() {
    assertThat(InfrastructureChoice.choose(null, DOCKER).mode()).isEqualTo(Mode.TESTCONTAINERS);
    assertThat(InfrastructureChoice.choose("auto", DOCKER).mode()).isEqualTo(Mode.TESTCONTAINERS);
  }

  @Test
  void byDefaultTakesTheEmbeddedOnesWhereNoneDoesAndSaysWhy() {
    InfrastructureChoice.Choice choice = InfrastructureChoice.choose("", NO_DOCKER);

    assertThat(choice.mode()).isEqualTo(Mode.EMBEDDED);
    assertThat(choice.reason()).isEqualTo("no Docker engine answers");
  }

  @Test
  void embeddedWhenAskedForEvenWithDockerWithoutAskingIt() {
    assertThat(InfrastructureChoice.choose(" Embedded ", NOT_ASKED).mode())
        .isEqualTo(Mode.EMBEDDED);
  }

  @Test
  void containersWhenAskedForFailAtOnceWithoutAnEngine() {
    assertThat(InfrastructureChoice.choose("testcontainers", DOCKER).mode())
        .isEqualTo(Mode.TESTCONTAINERS);
    assertThatThrownBy(() -> InfrastructureChoice.choose("testcontainers", NO_DOCKER))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no Docker engine answers");
  }

  @Test
  void refusesAnUnknownSetting() {
    assertThatThrownBy(() -> InfrastructureChoice.choose("docker", NOT_ASKED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("auto, embedded or testcontainers");
  }

  @Test
  void aDockerHostInTheEnvironmentOrTestcontainersFileCountsAsConfigured(@TempDir Path home)
      throws Exception {
    assertThat(
            InfrastructureChoice.dockerConfigured(
                Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375"), home))
        .isTrue();

    Files.writeString(home.resolve(".testcontainers.properties"), "docker.host=unix:///x.sock\n");
    assertThat(InfrastructureChoice.dockerConfigured(Map.of(), home)).isTrue();
  }

  @Test
  void aRootlessEnginesSocketInTheHomeCountsAsConfigured(@TempDir Path home) throws Exception {
    Files.createDirectories(home.resolve(".docker/run"));
    Files.createFile(home.resolve(".docker/run/docker.sock"));

    assertThat(InfrastructureChoice.dockerConfigured(Map.of(), home)).isTrue();
  }

  @Test
  void thisJvmsChoiceIsTheOneTheSharedInfrastructureUses() {
    assertThat(SharedInfrastructure.get().infrastructure())
        .isEqualTo(InfrastructureChoice.forThisJvm());
  }
}
