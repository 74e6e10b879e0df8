package dev.gatehouse.server.dashboard;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gatehouse.server.account.Role;
import dev.gatehouse.server.testsupport.Fixtures;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The dashboard page, its data endpoint and CSV export, for every kind of caller. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
class DashboardControllerTest {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired DashboardService dashboard;

  LocalDate today;

  @BeforeEach
  void data() {
    long acme = fixtures.account("acme").id();
    fixtures.account("empty");
    fixtures.member("acme", "ada@acme.test", Role.ADMIN);
    fixtures.member("acme", "max@acme.test", Role.MEMBER);
    fixtures.member("empty", "eve@empty.test", Role.ADMIN);
    fixtures.member("globex", "gina@globex.test", Role.ADMIN);
    today = dashboard.today();
    dashboard.recordIfAbsent(acme, new DailyMetrics(today, 123_456, 40, 3));
    dashboard.recordIfAbsent(acme, new DailyMetrics(today.minusDays(6), 1_000, 10, 1));
    // Outside the last 7 days, inside the 30 days.
    dashboard.recordIfAbsent(acme, new DailyMetrics(today.minusDays(7), 500_000, 100, 20));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ada@acme.test", "max@acme.test"})
  void memberOrAdminThenPageShowsTotalsOfDefaultThirtyDays(String email) throws Exception {
    mvc.perform(get("/accounts/acme/dashboard").with(fixtures.signedIn(email)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("$6,245")))
        .andExpect(content().string(containsString("data-testid=\"kpi-installs\"")))
        .andExpect(content().string(containsString("150")))
        .andExpect(content().string(containsString("/webjars/echarts/5.3.1/dist/echarts.min.js")))
        .andExpect(content().string(containsString("/js/dashboard.js")))
        .andExpect(content().string(not(containsString("dashboard-empty"))));
  }

  @Test
  void rangeSevenThenOnlyTheLastSevenDaysCount() throws Exception {
    mvc.perform(
            get("/accounts/acme/dashboard/data")
                .param("range", "7")
                .with(fixtures.signedIn("max@acme.test")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.range").value(7))
        .andExpect(jsonPath("$.days.length()").value(7))
        .andExpect(jsonPath("$.days[0]").value(today.minusDays(6).toString()))
        .andExpect(jsonPath("$.days[6]").value(today.toString()))
        .andExpect(jsonPath("$.revenue[6]").value(1234.56))
        .andExpect(jsonPath("$.installs[0]").value(10))
        .andExpect(jsonPath("$.installs[3]").value(0))
        .andExpect(jsonPath("$.totals.revenue").value(1244.56))
        .andExpect(jsonPath("$.totals.installs").value(50))
        .andExpect(jsonPath("$.totals.conversions").value(4))
        .andExpect(jsonPath("$.previousTotals.installs").value(100));
  }

  @Test
  void defaultRangeIsThirtyDays() throws Exception {
    mvc.perform(get("/accounts/acme/dashboard/data").with(fixtures.signedIn("max@acme.test")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.range").value(30))
        .andExpect(jsonPath("$.days.length()").value(30))
        .andExpect(jsonPath("$.totals.installs").value(150));
  }

  @ParameterizedTest
  @ValueSource(strings = {"14", "0", "-7", "30days", "1e1", " 30"})
  void unsupportedRangeThenBadRequest(String range) throws Exception {
    mvc.perform(
            get("/accounts/acme/dashboard")
                .param("range", range)
                .with(fixtures.signedIn("max@acme.test")))
        .andExpect(status().isBadRequest());
  }

  @Test
  void csvExportHasOneLinePerDayAndIsAnAttachment() throws Exception {
    String expectedLast = today + ",1234.56,40,3";
    mvc.perform(
            get("/accounts/acme/dashboard/export.csv")
                .param("range", "7")
                .with(fixtures.signedIn("max@acme.test")))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
        .andExpect(
            header()
                .string(
                    "Content-Disposition",
                    "attachment; filename=\"gatehouse-acme-"
                        + today.minusDays(6)
                        + "-to-"
                        + today
                        + ".csv\""))
        .andExpect(content().string(containsString("date,revenue_usd,installs,conversions\r\n")))
        .andExpect(content().string(containsString(today.minusDays(6) + ",10.00,10,1\r\n")))
        .andExpect(content().string(containsString(expectedLast + "\r\n")));
  }

  @Test
  void accountWithoutDataThenEmptyStateAndNoCharts() throws Exception {
    mvc.perform(get("/accounts/empty/dashboard").with(fixtures.signedIn("eve@empty.test")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-testid=\"dashboard-empty\"")))
        .andExpect(content().string(not(containsString("dashboard.js"))));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/accounts/acme/dashboard",
        "/accounts/acme/dashboard/data",
        "/accounts/acme/dashboard/export.csv"
      })
  void memberOfAnotherAccountThenNotFound(String path) throws Exception {
    mvc.perform(get(path).with(fixtures.signedIn("gina@globex.test")))
        .andExpect(status().isNotFound());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/accounts/acme/dashboard",
        "/accounts/acme/dashboard/data",
        "/accounts/acme/dashboard/export.csv"
      })
  void anonymousThenRedirectedToLogin(String path) throws Exception {
    mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
  }
}
