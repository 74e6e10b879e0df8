package dev.gatehouse.server.allowlist;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/**
 * Where the allowlist sits: audit and web are below it (it uses them, never the reverse), and no
 * server code turns text into an address through name resolution; parsing is gatehouse-core's.
 */
class AllowlistBoundaryTest {

  static final JavaClasses SERVER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.gatehouse.server");

  @Test
  void auditAndWebDoNotDependOnTheAllowlist() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.gatehouse.server.audit..", "dev.gatehouse.server.web..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.gatehouse.server.allowlist..")
        .check(SERVER);
  }

  @Test
  void noServerCodeResolvesNames() {
    noClasses()
        .should()
        .callMethod(InetAddress.class, "getByName", String.class)
        .orShould()
        .callMethod(InetAddress.class, "getAllByName", String.class)
        .check(SERVER);
  }
}
