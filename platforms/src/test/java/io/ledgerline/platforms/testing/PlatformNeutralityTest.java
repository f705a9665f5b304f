package io.ledgerline.platforms.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import org.junit.jupiter.api.Test;

class PlatformNeutralityTest {

  /** A class that names a platform, as a service must not. */
  static final class NamesAPlatform {
    static boolean isShopify(String platform) {
      return "shopify".equals(platform);
    }
  }

  /** A class that only asks the contract. */
  static final class AsksTheContract {
    static String displayName(String platform) {
      return io.ledgerline.platforms.Platforms.installed().get(platform).displayName();
    }
  }

  @Test
  void findsAPlatformIdInAClassFilesStringLiterals() throws URISyntaxException {
    assertThat(
            PlatformNeutrality.stringLiterals(
                NamesAPlatform.class
                    .getResource("PlatformNeutralityTest$NamesAPlatform.class")
                    .toURI()))
        .contains("shopify");
  }

  @Test
  void failsAClassThatNamesAPlatformOrUsesItsPackageAndPassesOneThatAsksTheContract() {
    JavaClasses naming = new ClassFileImporter().importClasses(NamesAPlatform.class);
    JavaClasses asking = new ClassFileImporter().importClasses(AsksTheContract.class);
    String here = PlatformNeutralityTest.class.getPackageName();

    assertThat(PlatformNeutrality.namesNoPlatform(here).evaluate(naming).hasViolation()).isTrue();
    assertThat(PlatformNeutrality.namesNoPlatform(here).evaluate(asking).hasViolation()).isFalse();
    JavaClasses usingAPlatformClass =
        new ClassFileImporter().importClasses(io.ledgerline.platforms.tenth.TenthPlatform.class);
    assertThat(
            PlatformNeutrality.usesNoPlatformClass("io.ledgerline.platforms.tenth")
                .evaluate(usingAPlatformClass)
                .hasViolation())
        .as("a class inside a platform's package depends on that package")
        .isTrue();
  }
}
