package io.portfolioos.sidecar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** DESIGN.md's layering, as seen from the sidecar. */
@AnalyzeClasses(packages = "io.portfolioos", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule sidecarNeverTouchesUiStateSecretsOrLlm =
      noClasses()
          .that()
          .resideInAPackage("io.portfolioos.sidecar..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.portfolioos.shell..",
              "io.javalin..",
              "org.sqlite..",
              "com.github.javakeyring..",
              "org.cef..",
              "me.friwi..",
              "javax.swing..",
              "java.awt..")
          .because(
              "the sidecar owns DuckDB and computation only; UI, app state, secrets and LLM calls live in the shell");

  @ArchTest
  static final ArchRule sqliteIsNeverUsedThroughJdbcUrls =
      noClasses()
          .that()
          .resideInAPackage("io.portfolioos.sidecar..")
          .should()
          .dependOnClassesThat()
          .haveSimpleNameContaining("SQLite");
}
