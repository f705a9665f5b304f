package io.ledgerline.ingest.normalization;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(
    packages = "io.ledgerline.ingest.normalization",
    importOptions = ImportOption.DoNotIncludeTests.class)
class NormalizationArchitectureTest {

  /** Normalization is pure: it knows nothing of Spring, HTTP, SQL, Kafka or the webhook feature. */
  @ArchTest
  static final ArchRule normalizationIsFreeOfInfrastructure =
      noClasses()
          .that()
          .resideInAPackage("..ingest.normalization..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "jakarta.servlet..",
              "java.sql..",
              "org.apache.kafka..",
              "io.ledgerline.ingest.webhook..",
              "io.ledgerline.ingest.connection..");
}
