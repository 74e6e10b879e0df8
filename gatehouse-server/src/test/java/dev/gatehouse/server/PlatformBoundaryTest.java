package dev.gatehouse.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Where the platform features sit: users know nothing of accounts; accounts, tokens and the
 * dashboard know nothing of the allowlist, the REST API, the web infrastructure or start-up
 * bootstrapping, which plug into them (guards, chain contributors, services).
 */
class PlatformBoundaryTest {

  private static final String BASE = "dev.gatehouse.server.";

  static final JavaClasses SERVER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.gatehouse.server");

  @Test
  void usersDependOnNoOtherFeature() {
    noClasses()
        .that()
        .resideInAPackage(BASE + "user..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            BASE + "account..",
            BASE + "token..",
            BASE + "dashboard..",
            BASE + "allowlist..",
            BASE + "audit..",
            BASE + "api..",
            BASE + "web..",
            BASE + "bootstrap..",
            BASE + "cli..")
        .check(SERVER);
  }

  @Test
  void platformFeaturesDoNotReachIntoAllowlistApiWebOrBootstrap() {
    noClasses()
        .that()
        .resideInAnyPackage(
            BASE + "account..", BASE + "token..", BASE + "dashboard..", BASE + "user..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            BASE + "allowlist..",
            BASE + "api..",
            BASE + "web..",
            BASE + "bootstrap..",
            BASE + "cli..")
        .check(SERVER);
  }

  @Test
  void dashboardDependsOnlyOnAccounts() {
    noClasses()
        .that()
        .resideInAPackage(BASE + "dashboard..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(BASE + "token..", BASE + "user..", BASE + "audit..")
        .check(SERVER);
  }
}
