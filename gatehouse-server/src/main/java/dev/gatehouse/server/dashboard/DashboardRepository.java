package dev.gatehouse.server.dashboard;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DashboardRepository {

  private final JdbcClient jdbc;

  DashboardRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stored days within [from, to], in order. Days without a row are absent. */
  List<DailyMetrics> find(long accountId, LocalDate from, LocalDate to) {
    return jdbc.sql(
            """
            SELECT metric_date, revenue_cents, installs, conversions FROM dashboard_metrics
            WHERE account_id = ? AND metric_date BETWEEN ? AND ? ORDER BY metric_date""")
        .params(accountId, Date.valueOf(from), Date.valueOf(to))
        .query(
            (rs, row) ->
                new DailyMetrics(
                    rs.getDate("metric_date").toLocalDate(),
                    rs.getLong("revenue_cents"),
                    rs.getLong("installs"),
                    rs.getLong("conversions")))
        .list();
  }

  boolean hasAny(long accountId) {
    return jdbc.sql("SELECT COUNT(*) FROM dashboard_metrics WHERE account_id = ?")
            .param(accountId)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Inserts the day unless the account has numbers for it already. */
  boolean insertIfAbsent(long accountId, DailyMetrics metrics) {
    Date day = Date.valueOf(metrics.day());
    long existing =
        jdbc.sql("SELECT COUNT(*) FROM dashboard_metrics WHERE account_id = ? AND metric_date = ?")
            .params(accountId, day)
            .query(Long.class)
            .single();
    if (existing > 0) {
      return false;
    }
    jdbc.sql(
            """
            INSERT INTO dashboard_metrics (account_id, metric_date, revenue_cents, installs, conversions)
            VALUES (?, ?, ?, ?, ?)""")
        .params(accountId, day, metrics.revenueCents(), metrics.installs(), metrics.conversions())
        .update();
    return true;
  }
}
