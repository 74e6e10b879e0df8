package dev.gatehouse.server.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The API is an outer layer: it uses the features' public services, and no feature depends on it
 * (the security chain takes its filters through {@code web.ApiChainContributor}). So the API can
 * change without touching a feature, and validation cannot drift into controllers unnoticed.
 */
class ApiBoundaryTest {

  static final JavaClasses SERVER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.gatehouse.server");

  @Test
  void noFeatureDependsOnTheApi() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.gatehouse.server.api..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.gatehouse.server.api..")
        .check(SERVER);
  }

  @Test
  void apiDoesNotTouchRepositoriesOrJdbc() {
    noClasses()
        .that()
        .resideInAPackage("dev.gatehouse.server.api..")
        .should()
        .dependOnClassesThat()
        .haveSimpleNameEndingWith("Repository")
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
        .check(SERVER);
  }
}
