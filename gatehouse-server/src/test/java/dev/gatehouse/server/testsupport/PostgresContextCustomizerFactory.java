package dev.gatehouse.server.testsupport;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Points the application context of a {@link PostgresTest} class at a database of its own. */
final class PostgresContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    return TestContextAnnotationUtils.hasAnnotation(testClass, PostgresTest.class)
        ? new FreshDatabaseCustomizer(testClass)
        : null;
  }

  /** One per test class: equal only for the same class, so contexts are never shared. */
  private static final class FreshDatabaseCustomizer implements ContextCustomizer {

    private final Class<?> testClass;

    FreshDatabaseCustomizer(Class<?> testClass) {
      this.testClass = testClass;
    }

    @Override
    public void customizeContext(
        ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
      String database = "gatehouse_test_" + UUID.randomUUID().toString().replace("-", "");
      execute("CREATE DATABASE " + database);
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "postgresTest",
                  Map.of(
                      "spring.datasource.url",
                      PostgresServer.url(database),
                      "spring.datasource.username",
                      PostgresServer.USER,
                      "spring.datasource.password",
                      "",
                      // Test contexts stay cached for the whole run, several per JVM and several
                      // JVMs per machine: small pools keep PostgreSQL under its connection limit.
                      "spring.datasource.hikari.maximum-pool-size",
                      "4",
                      "spring.datasource.hikari.minimum-idle",
                      "0",
                      "spring.datasource.hikari.idle-timeout",
                      "10000")));
      context.addApplicationListener(
          (ApplicationListener<ContextClosedEvent>)
              event -> {
                if (event.getApplicationContext() == context) {
                  // FORCE ends the pool's connections, which are still open at this point.
                  execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                }
              });
    }

    private static void execute(String sql) {
      try (var connection = PostgresServer.connectToMaintenanceDatabase();
          var statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException("PostgreSQL test support: " + sql + " failed", e);
      }
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof FreshDatabaseCustomizer that && that.testClass == testClass;
    }

    @Override
    public int hashCode() {
      return Objects.hash(testClass);
    }
  }
}
