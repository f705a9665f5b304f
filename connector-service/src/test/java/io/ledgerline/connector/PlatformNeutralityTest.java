package io.ledgerline.connector;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.ledgerline.platforms.testing.PlatformNeutrality;

/** connector-service asks the platform through the contract and names none (see ADR 0004). */
@AnalyzeClasses(
    packages = "io.ledgerline.connector",
    importOptions = ImportOption.DoNotIncludeTests.class)
class PlatformNeutralityTest {

  @ArchTest
  static final ArchRule usesNoPlatformClass =
      PlatformNeutrality.usesNoPlatformClass("io.ledgerline.connector");

  @ArchTest
  static final ArchRule namesNoPlatform =
      PlatformNeutrality.namesNoPlatform("io.ledgerline.connector");
}
