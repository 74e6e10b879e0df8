package dev.gatehouse.server.dashboard;

import dev.gatehouse.server.account.AccountAccess;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The dashboard page, the JSON its charts load, and the CSV export: all under the account's path,
 * so every one of them passes the account's membership and IP checks.
 */
@Controller
@RequestMapping("/accounts/{slug}/dashboard")
class DashboardController {

  static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final DashboardService dashboard;

  DashboardController(DashboardService dashboard) {
    this.dashboard = dashboard;
  }

  @GetMapping
  String page(
      AccountAccess access,
      @RequestParam(name = "range", required = false) @Nullable String range,
      Model model) {
    DashboardReport report = dashboard.report(access.accountId(), parse(range));
    model.addAttribute("report", report);
    model.addAttribute("ranges", DashboardRange.values());
    model.addAttribute("kpis", Kpi.of(report));
    return "dashboard/dashboard";
  }

  @GetMapping(path = "/data", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  DashboardData data(
      AccountAccess access,
      @RequestParam(name = "range", required = false) @Nullable String range) {
    return DashboardData.of(dashboard.report(access.accountId(), parse(range)));
  }

  @GetMapping("/export.csv")
  ResponseEntity<String> csv(
      AccountAccess access,
      @RequestParam(name = "range", required = false) @Nullable String range) {
    DashboardReport report = dashboard.report(access.accountId(), parse(range));
    var csv = new StringBuilder("date,revenue_usd,installs,conversions\r\n");
    for (DailyMetrics day : report.days()) {
      csv.append(day.day())
          .append(',')
          .append(BigDecimal.valueOf(day.revenueCents(), 2).toPlainString())
          .append(',')
          .append(day.installs())
          .append(',')
          .append(day.conversions())
          .append("\r\n");
    }
    String filename =
        "gatehouse-" + access.slug() + "-" + report.from() + "-to-" + report.to() + ".csv";
    return ResponseEntity.ok()
        .contentType(TEXT_CSV)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename).build().toString())
        .body(csv.toString());
  }

  private static DashboardRange parse(@Nullable String range) {
    if (range == null || range.isEmpty()) {
      return DashboardRange.DEFAULT;
    }
    return DashboardRange.ofDays(range)
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "range must be 7, 30 or 90"));
  }

  /** The JSON the charts load. Revenue in dollars with two decimals. */
  public record DashboardData(
      int range,
      LocalDate from,
      LocalDate to,
      String currency,
      List<LocalDate> days,
      List<BigDecimal> revenue,
      List<Long> installs,
      List<Long> conversions,
      Totals totals,
      Totals previousTotals) {

    public record Totals(BigDecimal revenue, long installs, long conversions) {
      static Totals of(DashboardReport.Totals totals) {
        return new Totals(
            BigDecimal.valueOf(totals.revenueCents(), 2), totals.installs(), totals.conversions());
      }
    }

    static DashboardData of(DashboardReport report) {
      return new DashboardData(
          report.range().days(),
          report.from(),
          report.to(),
          "USD",
          report.days().stream().map(DailyMetrics::day).toList(),
          report.days().stream().map(d -> BigDecimal.valueOf(d.revenueCents(), 2)).toList(),
          report.days().stream().map(DailyMetrics::installs).toList(),
          report.days().stream().map(DailyMetrics::conversions).toList(),
          Totals.of(report.totals()),
          Totals.of(report.previousTotals()));
    }
  }

  /**
   * One headline number with its change against the previous period.
   *
   * @param change e.g. "+12.5%", or null when the previous period had nothing to compare with
   */
  public record Kpi(String key, String label, String value, @Nullable String change, boolean up) {

    static List<Kpi> of(DashboardReport report) {
      var totals = report.totals();
      var previous = report.previousTotals();
      NumberFormat money = NumberFormat.getCurrencyInstance(Locale.US);
      money.setMaximumFractionDigits(0);
      NumberFormat count = NumberFormat.getIntegerInstance(Locale.US);
      return List.of(
          kpi(
              "revenue",
              "Revenue",
              money.format(BigDecimal.valueOf(totals.revenueCents(), 2)),
              totals.revenueCents(),
              previous.revenueCents()),
          kpi(
              "installs",
              "App installs",
              count.format(totals.installs()),
              totals.installs(),
              previous.installs()),
          kpi(
              "conversions",
              "Conversions",
              count.format(totals.conversions()),
              totals.conversions(),
              previous.conversions()));
    }

    private static Kpi kpi(String key, String label, String value, long now, long before) {
      if (before == 0) {
        return new Kpi(key, label, value, null, true);
      }
      double percent = (now - before) * 100.0 / before;
      String change = String.format(Locale.ROOT, "%+.1f%%", percent);
      return new Kpi(key, label, value, change, percent >= 0);
    }
  }
}
