package io.ledgerline.ingest;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.ledgerline.platforms.testing.PlatformNeutrality;

/** webhook-ingest asks the platform through the contract and names none (see ADR 0004). */
@AnalyzeClasses(
    packages = "io.ledgerline.ingest",
    importOptions = ImportOption.DoNotIncludeTests.class)
class PlatformNeutralityTest {

  @ArchTest
  static final ArchRule usesNoPlatformClass =
      PlatformNeutrality.usesNoPlatformClass("io.ledgerline.ingest");

  @ArchTest
  static final ArchRule namesNoPlatform =
      PlatformNeutrality.namesNoPlatform("io.ledgerline.ingest");
}
