package dev.gatehouse.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.server.account.Role;
import dev.gatehouse.server.testsupport.Browser;
import dev.gatehouse.server.testsupport.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The dashboard of the demo account in headless Chromium: the charts render under the
 * Content-Security-Policy (no inline script, no console errors), the range switches, and the
 * screenshot the README shows is saved.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "gatehouse.demo=true")
@Import(Fixtures.class)
class DashboardBrowserTest {

  private static final String ADMIN = "ada@demo.gatehouse.test";
  private static final String MEMBER = "max@demo.gatehouse.test";

  private static WebDriver driver;

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;

  @BeforeAll
  static void startBrowser() {
    driver = Browser.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void adminSeesTheChartsAndSwitchesRangeWithoutConsoleErrors() throws Exception {
    fixtures.member("demo", ADMIN, Role.ADMIN);
    signIn(ADMIN);

    driver.get(url("/accounts/demo/dashboard"));
    waitForCharts();
    for (String chart : List.of("chart-revenue", "chart-installs", "chart-conversions")) {
      assertThat(byTestId(chart).findElements(By.tagName("canvas"))).as(chart).isNotEmpty();
    }
    assertThat(byTestId("range-30").getAttribute("aria-current")).isEqualTo("true");
    String thirtyDayInstalls =
        byTestId("kpi-installs").findElement(By.className("kpi-value")).getText();
    org.openqa.selenium.Dimension usual = driver.manage().window().getSize();
    driver.manage().window().setSize(new Dimension(1280, 960));
    try {
      Thread.sleep(600); // let the charts' entry animation (400 ms) finish before the picture
      Browser.screenshot(driver, "dashboard");
    } finally {
      driver.manage().window().setSize(usual);
    }

    byTestId("range-7").click();
    waitUntil(d -> d.getCurrentUrl().endsWith("range=7"));
    waitForCharts();
    assertThat(byTestId("range-7").getAttribute("aria-current")).isEqualTo("true");
    assertThat(byTestId("kpi-installs").findElement(By.className("kpi-value")).getText())
        .isNotEqualTo(thirtyDayInstalls);
    assertThat(byTestId("export-csv").getAttribute("href"))
        .endsWith("/accounts/demo/dashboard/export.csv?range=7");

    List<LogEntry> errors =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(
                entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
            .toList();
    assertThat(errors).isEmpty();
  }

  @Test
  void memberSeesTheDashboardButNoApiTokensLink() {
    fixtures.member("demo", MEMBER, Role.MEMBER);
    signIn(MEMBER);

    driver.get(url("/accounts/demo/dashboard"));
    waitForCharts();
    assertThat(driver.findElements(By.cssSelector("[data-testid=nav-api-tokens]"))).isEmpty();
    assertThat(byTestId("account-name").getText()).isEqualTo("Demo Inc.");
  }

  private void signIn(String email) {
    driver.manage().deleteAllCookies();
    driver.get(url("/login"));
    byTestId("login-email").sendKeys(email);
    byTestId("login-password").sendKeys(Fixtures.PASSWORD);
    byTestId("login-submit").click();
    waitUntil(d -> !d.getCurrentUrl().contains("/login"));
  }

  private void waitForCharts() {
    waitUntil(
        d -> "true".equals(d.findElement(By.id("dashboard-charts")).getAttribute("data-loaded")));
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private WebElement byTestId(String id) {
    return driver.findElement(By.cssSelector("[data-testid=" + id + "]"));
  }

  private void waitUntil(Function<WebDriver, Boolean> condition) {
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition::apply);
  }
}
