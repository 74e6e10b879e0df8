package dev.gatehouse.server.testsupport;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven through Debian's chromedriver; nothing is downloaded.
 *
 * <p>On a machine without Chromium the browser tests skip themselves with a message saying what to
 * install; under {@code CI=true} a missing browser fails the test instead.
 */
public final class Browser {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private Browser() {}

  /** Starts one headless browser; call once per test class and {@code quit()} it afterwards. */
  public static WebDriver start() {
    requireInstalled();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    return driver;
  }

  private static void requireInstalled() {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(
          "CI=true but /usr/bin/chromium or /usr/bin/chromedriver is missing: .ci/run installs them");
    }
    assumeTrue(
        installed,
        "Browser tests skipped: install Debian's chromium and chromium-driver"
            + " (apt-get install chromium chromium-driver) to run them");
  }

  /**
   * Saves a screenshot as {@code <name>.png} under the directory named by the system property
   * {@code gatehouse.screenshots.dir} (default {@code target/screenshots}).
   */
  public static Path screenshot(WebDriver driver, String name) throws IOException {
    Path dir = Path.of(System.getProperty("gatehouse.screenshots.dir", "target/screenshots"));
    Files.createDirectories(dir);
    Path target = dir.resolve(name + ".png");
    Path taken = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(taken, target, StandardCopyOption.REPLACE_EXISTING);
    return target;
  }
}
