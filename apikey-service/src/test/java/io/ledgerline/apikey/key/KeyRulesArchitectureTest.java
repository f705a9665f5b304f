package io.ledgerline.apikey.key;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The rules about keys (format, hashing, scopes, usability) stay plain Java, testable without
 * Spring.
 */
class KeyRulesArchitectureTest {

  @Test
  void keyRulesKnowNothingOfSpringJdbcOrHttp() {
    var classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ledgerline.apikey.key");

    noClasses()
        .that()
        .haveSimpleNameStartingWith("PlainApiKey")
        .or()
        .haveSimpleNameStartingWith("SecretHasher")
        .or()
        .haveSimpleNameStartingWith("Scopes")
        .or()
        .haveSimpleName("ApiKey")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "java.sql..", "jakarta.servlet..")
        .check(classes);
  }
}
