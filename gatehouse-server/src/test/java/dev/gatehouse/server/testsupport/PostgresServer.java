package dev.gatehouse.server.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** The local PostgreSQL server the {@link PostgresTest} classes use. */
final class PostgresServer {

  static final String HOST = env("GATEHOUSE_TEST_PG_HOST", "127.0.0.1");
  static final String PORT = env("GATEHOUSE_TEST_PG_PORT", "5432");
  static final String USER = "postgres";

  private PostgresServer() {}

  static String url(String database) {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
  }

  /** A connection to the maintenance database {@code postgres}. */
  static Connection connectToMaintenanceDatabase() throws SQLException {
    var properties = new Properties();
    properties.setProperty("user", USER);
    properties.setProperty("connectTimeout", "3");
    properties.setProperty("loginTimeout", "3");
    return DriverManager.getConnection(url("postgres"), properties);
  }

  static boolean ci() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
