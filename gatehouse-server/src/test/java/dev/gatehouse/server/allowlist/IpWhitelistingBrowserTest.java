package dev.gatehouse.server.allowlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.IpAddress;
import dev.gatehouse.server.account.AccountAccess;
import dev.gatehouse.server.account.Actor;
import dev.gatehouse.server.account.Role;
import dev.gatehouse.server.testsupport.Browser;
import dev.gatehouse.server.testsupport.Fixtures;
import dev.gatehouse.server.user.UserAccount;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Every step of the seed's IP Whitelisting page in headless Chromium, through the SPEC's {@code
 * data-testid}s, with the page's own JavaScript (dialogs, select-all). The browser's client IP is
 * 127.0.0.1. Saves the screenshot the README shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(Fixtures.class)
class IpWhitelistingBrowserTest {

  private static WebDriver driver;

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired AllowlistService service;
  @Autowired BlockedAttemptCounter blockedAttempts;

  private static int accounts;
  String slug;
  String adminEmail;
  AccountAccess admin;

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
  void signedInAdmin() {
    accounts++;
    slug = "browser-" + accounts;
    adminEmail = "ada" + accounts + "@acme.test";
    UserAccount user = fixtures.member(slug, adminEmail, Role.ADMIN);
    var account = fixtures.account(slug);
    admin =
        new AccountAccess(
            account.id(), slug, account.name(), Role.ADMIN, Actor.user(user.id(), adminEmail));
    driver.manage().deleteAllCookies();
    signIn(adminEmail);
  }

  private void signIn(String email) {
    driver.get(url("/login"));
    byTestId("login-email").sendKeys(email);
    byTestId("login-password").sendKeys(Fixtures.PASSWORD);
    byTestId("login-submit").click();
    waitUntil(d -> !d.getCurrentUrl().contains("/login"));
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private String pagePath() {
    return "/accounts/" + slug + "/settings/security/ip-whitelisting";
  }

  private void openPage() {
    driver.get(url(pagePath()));
    waitUntil(d -> !d.findElements(By.cssSelector("[data-testid=current-ip]")).isEmpty());
  }

  private WebElement byTestId(String id) {
    return driver.findElement(By.cssSelector("[data-testid=" + id + "]"));
  }

  private List<String> listed() {
    return driver.findElements(By.cssSelector("[data-testid=ip-entry] .entry-value")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(condition::apply);
  }

  private void submitAddresses(String addresses, String label) {
    byTestId("add-ip-button").click();
    WebElement input = byTestId("ip-input");
    new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOf(input));
    input.clear();
    input.sendKeys(addresses);
    byTestId("ip-label-input").clear();
    byTestId("ip-label-input").sendKeys(label);
    clickAndWaitForReload(byTestId("whitelist-submit"));
  }

  private void confirmInDialog(String testId) {
    WebElement confirm = byTestId(testId);
    new WebDriverWait(driver, Duration.ofSeconds(5))
        .until(ExpectedConditions.visibilityOf(confirm));
    clickAndWaitForReload(confirm);
  }

  /** Clicks something that submits a form, and waits until the next page has replaced this one. */
  private void clickAndWaitForReload(WebElement submit) {
    // Marks this document; the next one, loaded by the form's submission, has no mark.
    ((JavascriptExecutor) driver)
        .executeScript("document.documentElement.dataset.submitted = 'pending'");
    submit.click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .ignoring(WebDriverException.class) // while the old document is torn down
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "return document.readyState === 'complete'"
                                + " && document.documentElement.dataset.submitted === undefined")));
    waitUntil(d -> !d.findElements(By.cssSelector("[data-testid=current-ip]")).isEmpty());
  }

  @Test
  void adminAddsTwentyIsRefusedTwentyOneAndABadItemAddsNothing() {
    openPage();
    assertThat(byTestId("current-ip").getText()).isEqualTo("127.0.0.1");

    submitAddresses("10.0.0.1, 010.0.0.2\n10.1.2.3/8", "Office");
    List<WebElement> errors =
        driver.findElements(By.cssSelector("[data-testid=form-error] .form-error-line"));
    assertThat(errors.get(0).getText()).startsWith("\"010.0.0.2\":");
    assertThat(errors.get(1).getText()).startsWith("\"10.1.2.3/8\":").contains("10.0.0.0/8");
    assertThat(byTestId("ip-input").getAttribute("value"))
        .isEqualTo("10.0.0.1, 010.0.0.2\n10.1.2.3/8");
    assertThat(listed()).isEmpty();

    String twentyOne =
        IntStream.rangeClosed(1, 21)
            .mapToObj(i -> "198.51.100." + i)
            .collect(Collectors.joining(", "));
    submitAddresses(twentyOne, "");
    assertThat(byTestId("form-error").getText()).contains("up to 20");
    assertThat(listed()).isEmpty();

    String twenty =
        IntStream.rangeClosed(1, 20)
            .mapToObj(i -> "192.0.2." + i)
            .collect(Collectors.joining("\n"));
    submitAddresses(twenty, "Branch office");
    assertThat(listed()).hasSize(20).startsWith("192.0.2.1", "192.0.2.2");
  }

  @Test
  void toggleIsRefusedUntilTheOwnIpIsListedThenTurnsOnAndOffWithConfirmation() {
    openPage();
    submitAddresses("10.0.0.0/8", "VPN");

    byTestId("ip-restriction-toggle").click();
    confirmInDialog("confirm-toggle");
    assertThat(byTestId("form-error").getText())
        .contains("would block your own IP address 127.0.0.1");
    assertThat(byTestId("ip-restriction-toggle").isSelected()).isFalse();

    clickAndWaitForReload(byTestId("add-my-ip"));
    waitUntil(d -> listed().contains("127.0.0.1"));
    byTestId("ip-restriction-toggle").click();
    confirmInDialog("confirm-toggle");
    assertThat(byTestId("ip-restriction-toggle").isSelected()).isTrue();
    assertThat(service.view(admin.accountId()).enabled()).isTrue();

    byTestId("ip-restriction-toggle").click();
    confirmInDialog("confirm-toggle");
    assertThat(byTestId("ip-restriction-toggle").isSelected()).isFalse();
    assertThat(listed()).containsExactly("10.0.0.0/8", "127.0.0.1");
  }

  @Test
  void removeOneWithTheDialogThenBulkRemoveRefusedAsLockoutThenBulkRemoveSelection()
      throws Exception {
    openPage();
    submitAddresses("127.0.0.1, 10.0.0.0/8, 192.0.2.0/24, 2001:db8::/48", "Office");
    byTestId("ip-restriction-toggle").click();
    confirmInDialog("confirm-toggle");

    driver
        .findElements(By.cssSelector("[data-testid=ip-entry]"))
        .get(1)
        .findElement(By.cssSelector("[data-testid=delete-entry]"))
        .click();
    confirmInDialog("confirm-remove");
    assertThat(listed()).containsExactly("127.0.0.1", "192.0.2.0/24", "2001:db8::/48");

    byTestId("select-all").click();
    byTestId("bulk-delete").click();
    confirmInDialog("confirm-remove");
    assertThat(byTestId("form-error").getText()).contains("Whitelist 127.0.0.1 first");
    assertThat(listed()).hasSize(3);

    List<WebElement> boxes = driver.findElements(By.cssSelector("[data-testid=entry-checkbox]"));
    boxes.get(1).click();
    boxes.get(2).click();
    byTestId("bulk-delete").click();
    confirmInDialog("confirm-remove");
    assertThat(listed()).containsExactly("127.0.0.1");
  }

  @Test
  void pageWithEntriesAndBlockedAttemptsIsScreenshotForTheReadme() throws Exception {
    UserAccount ada = fixtures.member("acme", adminEmail, Role.ADMIN);
    var acme = fixtures.account("acme");
    admin =
        new AccountAccess(
            acme.id(), "acme", acme.name(), Role.ADMIN, Actor.user(ada.id(), adminEmail));
    slug = "acme";
    IpAddress office = IpAddress.parse("127.0.0.1");
    service.add(admin, office, "127.0.0.1", "Ada's workstation", null);
    service.add(admin, office, "203.0.113.0/24", "Berlin office", null);
    service.add(admin, office, "198.51.100.14", "VPN gateway", null);
    service.add(admin, office, "2001:db8:4a7f::/48", "Berlin office (IPv6)", null);
    service.add(
        admin,
        office,
        "192.0.2.77",
        "Contractor, this week",
        java.time.Instant.now().plus(Duration.ofDays(5)));
    service.setEnabled(admin, office, true);
    for (int i = 0; i < 14; i++) {
      blockedAttempts.count(admin.accountId(), IpAddress.parse("198.51.100.23"));
    }
    blockedAttempts.count(admin.accountId(), IpAddress.parse("2001:db8:ffff::9"));

    openPage();

    assertThat(listed()).hasSize(5);
    assertThat(byTestId("blocked-attempts").getText()).contains("198.51.100.23").contains("14");
    org.openqa.selenium.Dimension usual = driver.manage().window().getSize();
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1180));
    try {
      Browser.screenshot(driver, "ip-whitelisting");
    } finally {
      driver.manage().window().setSize(usual);
    }
  }

  @Test
  void memberSeesTheListReadOnly() {
    service.add(admin, IpAddress.parse("127.0.0.1"), "10.0.0.0/8", "VPN", null);
    String memberEmail = "max" + accounts + "@acme.test";
    fixtures.member(slug, memberEmail, Role.MEMBER);
    driver.manage().deleteAllCookies();
    signIn(memberEmail);

    openPage();

    assertThat(byTestId("ip-restriction-toggle").isEnabled()).isFalse();
    assertThat(listed()).containsExactly("10.0.0.0/8");
    assertThat(driver.findElements(By.cssSelector("[data-testid=ip-input]"))).isEmpty();
    assertThat(driver.findElements(By.cssSelector("[data-testid=delete-entry]"))).isEmpty();
  }

  @Test
  void blockedSessionIsCutOffAndRestoredWithoutSigningInAgain() {
    service.add(admin, IpAddress.parse("10.1.1.1"), "10.0.0.0/8", "VPN", null);
    service.setEnabled(admin, IpAddress.parse("10.1.1.1"), true);

    driver.get(url(pagePath()));
    assertThat(driver.findElement(By.tagName("body")).getText())
        .contains("Your IP address 127.0.0.1 is not allowed to access");

    service.setEnabled(admin, IpAddress.parse("10.1.1.1"), false);

    openPage();
    assertThat(listed()).containsExactly("10.0.0.0/8");
  }
}
