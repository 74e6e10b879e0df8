package dev.gatehouse.server.bootstrap;

import dev.gatehouse.server.dashboard.DailyMetrics;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Random;

/**
 * Realistic made-up numbers of a growing consumer app: yearly growth, a seasonal wave with a
 * holiday peak, busier weekends, and day-to-day noise. Each day's numbers depend only on the date,
 * so the same day always gets the same numbers, whenever they are generated.
 */
final class DemoData {

  private static final LocalDate ANCHOR = LocalDate.of(2025, 1, 1);
  private static final double GROWTH_PER_YEAR = 0.55;
  private static final double BASE_INSTALLS = 1150;

  private DemoData() {}

  static DailyMetrics forDay(LocalDate day) {
    var random = new Random(day.toEpochDay() * 7919L + 17);
    double years = (day.toEpochDay() - ANCHOR.toEpochDay()) / 365.0;
    double growth = Math.exp(GROWTH_PER_YEAR * years);
    double season = season(day);
    double noise = 1 + 0.06 * clamp(random.nextGaussian(), -2.5, 2.5);
    long installs = Math.round(BASE_INSTALLS * growth * season * weekday(day) * noise);

    double rate = 0.041 + 0.005 * (season - 1) + 0.003 * clamp(random.nextGaussian(), -2, 2);
    if (isWeekend(day)) {
      rate += 0.004;
    }
    long conversions = Math.round(installs * Math.max(rate, 0.01));

    double averageOrder = 36.0 + 14.0 * (season - 1) + 2.5 * clamp(random.nextGaussian(), -2, 2);
    long revenueCents = Math.round(conversions * averageOrder * 100);
    return new DailyMetrics(day, revenueCents, installs, conversions);
  }

  /** A yearly wave (summer high) plus the November-December holiday peak. */
  private static double season(LocalDate day) {
    int dayOfYear = day.getDayOfYear();
    double wave = 0.10 * Math.sin(2 * Math.PI * (dayOfYear - 100) / 365.0);
    double holiday = 0.30 * Math.exp(-Math.pow((dayOfYear - 333) / 12.0, 2));
    double christmas = 0.22 * Math.exp(-Math.pow((dayOfYear - 357) / 6.0, 2));
    return 1 + wave + holiday + christmas;
  }

  private static double weekday(LocalDate day) {
    return switch (day.getDayOfWeek()) {
      case MONDAY -> 0.93;
      case TUESDAY -> 0.95;
      case WEDNESDAY -> 0.97;
      case THURSDAY -> 1.0;
      case FRIDAY -> 1.07;
      case SATURDAY -> 1.2;
      case SUNDAY -> 1.15;
    };
  }

  private static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }
}
