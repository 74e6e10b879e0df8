package dev.gatehouse.server.testsupport;

import java.sql.SQLException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips {@link PostgresTest} classes when PostgreSQL is unreachable, and fails them instead under
 * {@code CI=true}, where the PostgreSQL tests must run.
 */
final class PostgresAvailableCondition implements ExecutionCondition {

  private static volatile String unreachableReason;
  private static volatile boolean probed;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String reason = probe();
    if (reason == null) {
      return ConditionEvaluationResult.enabled("PostgreSQL is reachable");
    }
    String message =
        "PostgreSQL is not reachable at "
            + PostgresServer.url("postgres")
            + " as user "
            + PostgresServer.USER
            + " ("
            + reason
            + ")";
    if (PostgresServer.ci()) {
      throw new IllegalStateException(message + "; CI=true requires the PostgreSQL tests to run");
    }
    return ConditionEvaluationResult.disabled(
        message + "; PostgreSQL tests skipped (they fail instead when CI=true)");
  }

  private static synchronized String probe() {
    if (!probed) {
      try (var connection = PostgresServer.connectToMaintenanceDatabase()) {
        unreachableReason = null;
      } catch (SQLException e) {
        unreachableReason = e.getMessage();
      }
      probed = true;
    }
    return unreachableReason;
  }
}
