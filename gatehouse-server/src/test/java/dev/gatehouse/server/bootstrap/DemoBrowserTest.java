package dev.gatehouse.server.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.server.account.Role;
import dev.gatehouse.server.testsupport.Browser;
import dev.gatehouse.server.testsupport.Fixtures;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The demo account in headless Chromium: the dashboard draws its three charts from the demo data,
 * the range switch changes the period, and the settings pages render. Saves the screenshots the
 * README shows.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "gatehouse.demo=true")
@Import(Fixtures.class)
class DemoBrowserTest {

  private static final String VIEWER = "viewer@demo.gatehouse.test";

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

  @BeforeEach
  void signedInDemoAdmin() {
    // The demo's own admin has a password printed at start-up; a second admin has a known one.
    fixtures.member(DemoSetup.SLUG, VIEWER, Role.ADMIN);
    driver.manage().deleteAllCookies();
    driver.get(url("/login"));
    byTestId("login-email").sendKeys(VIEWER);
    byTestId("login-password").sendKeys(Fixtures.PASSWORD);
    byTestId("login-submit").click();
    waitUntil(d -> !d.getCurrentUrl().contains("/login"));
  }

  @Test
  void dashboardDrawsRevenueInstallsAndConversionsChartsFromTheDemoData() throws IOException {
    driver.get(url("/accounts/demo/dashboard"));
    for (String chart : List.of("chart-revenue", "chart-installs", "chart-conversions")) {
      waitUntil(d -> !byTestId(chart).findElements(By.tagName("canvas")).isEmpty());
    }
    assertThat(byTestId("range-30").getAttribute("aria-current")).isEqualTo("true");
    String thirtyDays = byTestId("dashboard-period").getText();
    assertThat(driver.findElements(By.cssSelector("[data-testid^=kpi-]"))).hasSize(3);
    waitForChartAnimations();
    Browser.screenshot(driver, "dashboard");

    byTestId("range-90").click();
    waitUntil(d -> "true".equals(byTestId("range-90").getAttribute("aria-current")));
    assertThat(byTestId("dashboard-period").getText()).isNotEqualTo(thirtyDays);
    waitUntil(d -> !byTestId("chart-revenue").findElements(By.tagName("canvas")).isEmpty());
  }

  @Test
  void membersAndApiTokensPagesRenderForTheDemoAdmin() throws IOException {
    driver.get(url("/accounts/demo/settings/members"));
    assertThat(driver.getPageSource())
        .contains(DemoSetup.ADMIN_EMAIL)
        .contains(DemoSetup.MEMBER_EMAIL);
    Browser.screenshot(driver, "members");

    driver.get(url("/accounts/demo/settings/api-tokens"));
    assertThat(driver.getTitle()).containsIgnoringCase("API tokens");
    Browser.screenshot(driver, "api-tokens");
  }

  private void waitForChartAnimations() {
    // ECharts animates its first render for about one second; a screenshot waits for it to end.
    long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
    waitUntil(d -> System.nanoTime() > until);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private WebElement byTestId(String id) {
    return driver.findElement(By.cssSelector("[data-testid=" + id + "]"));
  }

  private void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition::apply);
  }
}
