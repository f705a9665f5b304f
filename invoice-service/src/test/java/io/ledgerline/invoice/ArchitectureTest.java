package io.ledgerline.invoice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the invoice rules free of frameworks, so they stay unit-testable and readable. */
class ArchitectureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.ledgerline.invoice");

  @Test
  void theInvoiceModelKnowsNothingOfSpringJdbcKafkaOrTheWeb() {
    noClasses()
        .that()
        .haveSimpleNameNotStartingWith("Jdbc")
        .and()
        .haveSimpleNameNotEndingWith("Controller")
        .and()
        .haveSimpleNameNotEndingWith("Listener")
        .and()
        // the web adapters' parameter parsing
        .haveSimpleNameNotStartingWith("ApiParams")
        .and()
        .areNotAnnotatedWith(org.springframework.stereotype.Service.class)
        .and()
        .resideInAPackage("io.ledgerline.invoice.invoice")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "java.sql..",
            "javax.sql..",
            "org.apache.kafka..",
            "jakarta.servlet..")
        .check(classes);
  }
}
