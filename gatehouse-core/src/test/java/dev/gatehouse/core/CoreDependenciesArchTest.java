package dev.gatehouse.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** gatehouse-core is usable by any JVM program: it depends on the JDK and JSpecify only. */
class CoreDependenciesArchTest {

  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.gatehouse.core");

  @Test
  void coreDependsOnNothingButTheJdkAndJspecify() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "dev.gatehouse.core..", "org.jspecify.annotations..")
        .check(CORE);
  }

  @Test
  void coreNeverResolvesNames() {
    noClasses()
        .should()
        .callMethod(InetAddress.class, "getByName", String.class)
        .orShould()
        .callMethod(InetAddress.class, "getAllByName", String.class)
        .orShould()
        .callMethod(InetAddress.class, "getLocalHost")
        .orShould()
        .callMethod(InetAddress.class, "getHostName")
        .orShould()
        .callMethod(InetAddress.class, "getCanonicalHostName")
        .check(CORE);
  }
}
