package io.portfolioos.contract;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.portfolioos", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule contractDependsOnNothingOfOurs =
      noClasses()
          .that()
          .resideInAPackage("io.portfolioos.contract..")
          .should()
          .dependOnClassesThat()
          .resideOutsideOfPackages(
              "io.portfolioos.contract..",
              "java..",
              "javax..",
              "com.fasterxml.jackson..",
              "org.jspecify..")
          .because("the contract is the root every other module derives from");
}
