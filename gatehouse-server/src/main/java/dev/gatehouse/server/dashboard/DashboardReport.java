package dev.gatehouse.server.dashboard;

import java.time.LocalDate;
import java.util.List;

/**
 * The dashboard's numbers for one range: every day of the range (days without data count as zero),
 * the range's totals and those of the same-length period before it.
 */
public record DashboardReport(
    DashboardRange range,
    LocalDate from,
    LocalDate to,
    List<DailyMetrics> days,
    Totals totals,
    Totals previousTotals,
    boolean accountHasData) {

  public record Totals(long revenueCents, long installs, long conversions) {

    static Totals of(List<DailyMetrics> days) {
      long revenue = 0;
      long installs = 0;
      long conversions = 0;
      for (DailyMetrics day : days) {
        revenue += day.revenueCents();
        installs += day.installs();
        conversions += day.conversions();
      }
      return new Totals(revenue, installs, conversions);
    }
  }
}
