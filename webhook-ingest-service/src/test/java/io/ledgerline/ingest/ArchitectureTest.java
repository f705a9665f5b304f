package io.ledgerline.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(
    packages = "io.ledgerline.ingest",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The Shopify rules (normalization, the signature port) know nothing of Spring, HTTP or SQL. */
  @ArchTest
  static final ArchRule shopifyRulesAreFreeOfInfrastructure =
      noClasses()
          .that()
          .resideInAPackage("..ingest.shopify..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework..", "jakarta.servlet..", "java.sql..");
}
