package io.ledgerline.sync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the client and invoicing rules free of frameworks. */
class ArchitectureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.ledgerline.sync");

  @Test
  void theClientRulesKnowNothingOfSpringOrJdbc() {
    noClasses()
        .that()
        .resideInAPackage("io.ledgerline.sync.client")
        .and()
        .haveSimpleNameNotStartingWith("Jdbc")
        .and()
        .haveSimpleNameNotEndingWith("Configuration")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "java.sql..", "org.apache.kafka..")
        .check(classes);
  }

  @Test
  void theInvoicingRulesKnowNothingOfSpringKafkaOrJdbc() {
    noClasses()
        .that()
        .haveFullyQualifiedName("io.ledgerline.sync.invoicing.InvoiceCommands")
        .or()
        .haveFullyQualifiedName("io.ledgerline.sync.invoicing.Uninvoiceable")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "java.sql..", "org.apache.kafka..")
        .check(classes);
  }

  @Test
  void clientsDoNotDependOnInvoicing() {
    noClasses()
        .that()
        .resideInAPackage("io.ledgerline.sync.client")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.ledgerline.sync.invoicing")
        .check(classes);
  }
}
