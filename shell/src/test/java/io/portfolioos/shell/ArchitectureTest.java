package io.portfolioos.shell;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** DESIGN.md's layering, as seen from the shell. */
@AnalyzeClasses(packages = "io.portfolioos", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule shellNeverTouchesDuckDbOrTheSidecarsCode =
      noClasses()
          .that()
          .resideInAPackage("io.portfolioos.shell..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.duckdb..", "io.portfolioos.sidecar..")
          .because(
              "DuckDB has one owner, the sidecar process; the shell only talks JSON-RPC to it");
}
