package io.ledgerline.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class ProjectLayoutTest {

  @Test
  void findsTheProjectRootAndItsVersionFromAModuleDirectory() {
    ProjectLayout layout = ProjectLayout.current();

    assertThat(Files.isDirectory(layout.configRepository())).isTrue();
    assertThat(layout.root().resolve("platform/embedded-infrastructure")).isDirectory();
    assertThat(layout.version()).isNotBlank().doesNotContain("<");
  }
}
