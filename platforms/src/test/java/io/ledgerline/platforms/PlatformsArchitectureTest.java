package io.ledgerline.platforms;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

@AnalyzeClasses(
    packages = "io.ledgerline.platforms",
    importOptions = ImportOption.DoNotIncludeTests.class)
class PlatformsArchitectureTest {

  /**
   * Platform knowledge is pure: no Spring, HTTP server, SQL or Kafka, so any service can use it.
   */
  @ArchTest
  static final ArchRule platformsAreFreeOfInfrastructure =
      noClasses()
          .that()
          .resideInAPackage("io.ledgerline.platforms..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..", "jakarta.servlet..", "java.sql..", "org.apache.kafka..");

  /**
   * The packages of the registered platforms, from the registry itself: a platform added with its
   * package and its registration line is held to these rules with nothing else changed.
   */
  private static final java.util.Set<String> PLATFORM_PACKAGES =
      Platforms.installed().all().stream()
          .map(p -> p.getClass().getPackageName())
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private static String platformPackageOf(JavaClass c) {
    for (String p : PLATFORM_PACKAGES) {
      if (c.getPackageName().equals(p) || c.getPackageName().startsWith(p + ".")) {
        return p;
      }
    }
    return null;
  }

  private static final DescribedPredicate<JavaClass> IN_A_PLATFORM_PACKAGE =
      DescribedPredicate.describe(
          "reside in a registered platform's package " + new java.util.TreeSet<>(PLATFORM_PACKAGES),
          c -> platformPackageOf(c) != null);

  /**
   * The shared building blocks (every package that is no platform's: webhook, normalization,
   * connection, oauth, http, account, api, mapping, cli, the contract) name no platform: a platform
   * is found through the contract.
   */
  @ArchTest
  static final ArchRule neutralPackagesNameNoPlatform =
      noClasses()
          .that(DescribedPredicate.not(IN_A_PLATFORM_PACKAGE))
          .should()
          .dependOnClassesThat(IN_A_PLATFORM_PACKAGE);

  /** One platform, one place: no platform package reaches into another. */
  @ArchTest
  static final ArchRule platformsDoNotDependOnEachOther =
      slices()
          .assignedFrom(
              new SliceAssignment() {
                @Override
                public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                  String p = platformPackageOf(javaClass);
                  return p == null ? SliceIdentifier.ignore() : SliceIdentifier.of(p);
                }

                @Override
                public String getDescription() {
                  return "the registered platforms' packages";
                }
              })
          .should()
          .notDependOnEachOther();

  @org.junit.jupiter.api.Test
  void findsEveryRegisteredPlatformsPackage() {
    org.assertj.core.api.Assertions.assertThat(PLATFORM_PACKAGES)
        .contains("io.ledgerline.platforms.hubspot", "io.ledgerline.platforms.standardwebhooks")
        .hasSizeGreaterThanOrEqualTo(9);
  }
}
