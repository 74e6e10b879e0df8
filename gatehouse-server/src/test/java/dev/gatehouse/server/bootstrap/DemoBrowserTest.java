package dev.gatehouse.server.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.server.account.Role;
import dev.gatehouse.server.testsupport.Browser;
import dev.gatehouse.server.testsupport.Fixtures;
import java.io.IOException;
import java.time.Duration;
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
 * The demo account's settings pages in headless Chromium (the dashboard has its own browser test).
 * Saves the screenshots the README shows.
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
