package dev.gatehouse.server.dashboard;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One account's business numbers for one day.
 *
 * @param day the calendar day (UTC)
 * @param revenueCents revenue in cents
 * @param installs app installs
 * @param conversions conversions (purchases)
 */
public record DailyMetrics(LocalDate day, long revenueCents, long installs, long conversions) {

  public DailyMetrics {
    Objects.requireNonNull(day, "day");
    if (revenueCents < 0 || installs < 0 || conversions < 0) {
      throw new IllegalArgumentException("metrics must not be negative: " + day);
    }
  }

  static DailyMetrics empty(LocalDate day) {
    return new DailyMetrics(day, 0, 0, 0);
  }
}
