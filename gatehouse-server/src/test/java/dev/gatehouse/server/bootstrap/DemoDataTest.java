package dev.gatehouse.server.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.server.dashboard.DailyMetrics;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DemoDataTest {

  private static final LocalDate START = LocalDate.of(2026, 1, 1);

  @Test
  void sameDayThenSameNumbers() {
    LocalDate day = LocalDate.of(2026, 3, 14);

    assertThat(DemoData.forDay(day)).isEqualTo(DemoData.forDay(day));
  }

  @Test
  void everyDayHasPositiveNumbersAndFewerConversionsThanInstalls() {
    for (int i = 0; i < 730; i++) {
      DailyMetrics day = DemoData.forDay(START.plusDays(i));
      assertThat(day.installs()).isPositive();
      assertThat(day.conversions()).isPositive().isLessThan(day.installs());
      assertThat(day.revenueCents()).isPositive();
    }
  }

  @Test
  void weekendsHaveMoreInstallsThanMondays() {
    long saturdays = 0;
    long mondays = 0;
    for (int i = 0; i < 364; i++) {
      DailyMetrics day = DemoData.forDay(START.plusDays(i));
      if (day.day().getDayOfWeek() == DayOfWeek.SATURDAY) {
        saturdays += day.installs();
      } else if (day.day().getDayOfWeek() == DayOfWeek.MONDAY) {
        mondays += day.installs();
      }
    }

    assertThat(saturdays).isGreaterThan(mondays);
  }

  @Test
  void theBusinessGrowsYearOnYear() {
    long first = installsOfMonth(LocalDate.of(2025, 6, 1));
    long second = installsOfMonth(LocalDate.of(2026, 6, 1));

    assertThat(second).isGreaterThan(first * 3 / 2);
  }

  @Test
  void holidayWeekSellsMoreThanAnOctoberWeek() {
    assertThat(revenueOfWeek(LocalDate.of(2026, 11, 25)))
        .isGreaterThan(revenueOfWeek(LocalDate.of(2026, 10, 14)));
  }

  private static long installsOfMonth(LocalDate first) {
    long total = 0;
    for (LocalDate d = first; d.getMonth() == first.getMonth(); d = d.plusDays(1)) {
      total += DemoData.forDay(d).installs();
    }
    return total;
  }

  private static long revenueOfWeek(LocalDate first) {
    long total = 0;
    for (int i = 0; i < 7; i++) {
      total += DemoData.forDay(first.plusDays(i)).revenueCents();
    }
    return total;
  }
}
