package dev.gatehouse.server.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The ip command starts in well under two seconds because it never touches Spring. */
class IpCommandArchTest {

  @Test
  void ipCommandDependsOnNoSpringClass() {
    noClasses()
        .that()
        .haveNameMatching("dev\\.gatehouse\\.server\\.cli\\.(IpCommand|NativeArguments)(\\$.*)?")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.gatehouse.server.cli"));
  }
}
