package dev.gatehouse.server.dashboard;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/** The date ranges the dashboard offers: the last 7, 30 or 90 days, today included. */
public enum DashboardRange {
  LAST_7_DAYS(7),
  LAST_30_DAYS(30),
  LAST_90_DAYS(90);

  static final DashboardRange DEFAULT = LAST_30_DAYS;

  private final int days;

  DashboardRange(int days) {
    this.days = days;
  }

  public int days() {
    return days;
  }

  LocalDate firstDay(LocalDate today) {
    return today.minusDays(days - 1L);
  }

  /** The range for a {@code range} query parameter value ("7", "30", "90"). */
  static Optional<DashboardRange> ofDays(String value) {
    return Arrays.stream(values()).filter(r -> String.valueOf(r.days).equals(value)).findFirst();
  }
}
