package io.ledgerline.platforms;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

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

  /** The shared building blocks name no platform: a platform is found through the contract. */
  @ArchTest
  static final ArchRule neutralPackagesNameNoPlatform =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.ledgerline.platforms",
              "io.ledgerline.platforms.webhook..",
              "io.ledgerline.platforms.normalization..",
              "io.ledgerline.platforms.connection..",
              "io.ledgerline.platforms.oauth..",
              "io.ledgerline.platforms.http..",
              "io.ledgerline.platforms.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.ledgerline.platforms.hubspot..",
              "io.ledgerline.platforms.salesforce..",
              "io.ledgerline.platforms.pipedrive..",
              "io.ledgerline.platforms.zoho..",
              "io.ledgerline.platforms.square..",
              "io.ledgerline.platforms.shopify..",
              "io.ledgerline.platforms.lightspeed..",
              "io.ledgerline.platforms.clover..",
              "io.ledgerline.platforms.standardwebhooks..");

  /** One platform, one place: no platform package reaches into another. */
  @ArchTest
  static final ArchRule platformsDoNotDependOnEachOther =
      slices()
          .matching(
              "io.ledgerline.platforms.(hubspot|salesforce|pipedrive|zoho|square|shopify|lightspeed|clover|standardwebhooks)..")
          .should()
          .notDependOnEachOther();
}
