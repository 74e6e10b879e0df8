package dev.gatehouse.server.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores daily metrics and reports them per range. Days are UTC calendar days. */
@Service
public class DashboardService {

  private final DashboardRepository metrics;
  private final Clock clock;

  DashboardService(DashboardRepository metrics, Clock clock) {
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Stores one day's numbers unless the account has that day already (never overwrites).
   *
   * @return whether the day was stored
   */
  @Transactional
  public boolean recordIfAbsent(long accountId, DailyMetrics day) {
    return metrics.insertIfAbsent(accountId, day);
  }

  /** Today, as a UTC calendar day. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  DashboardReport report(long accountId, DashboardRange range) {
    LocalDate to = today();
    LocalDate from = range.firstDay(to);
    LocalDate previousFrom = from.minusDays(range.days());
    Map<LocalDate, DailyMetrics> stored =
        metrics.find(accountId, previousFrom, to).stream()
            .collect(Collectors.toMap(DailyMetrics::day, Function.identity()));
    List<DailyMetrics> days = everyDay(from, to, stored);
    List<DailyMetrics> previous = everyDay(previousFrom, from.minusDays(1), stored);
    return new DashboardReport(
        range,
        from,
        to,
        days,
        DashboardReport.Totals.of(days),
        DashboardReport.Totals.of(previous),
        !stored.isEmpty() || metrics.hasAny(accountId));
  }

  private static List<DailyMetrics> everyDay(
      LocalDate from, LocalDate to, Map<LocalDate, DailyMetrics> stored) {
    var days = new ArrayList<DailyMetrics>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      days.add(stored.getOrDefault(day, DailyMetrics.empty(day)));
    }
    return days;
  }
}
