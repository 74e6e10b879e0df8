package dev.gatehouse.server.allowlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.IpAddress;
import dev.gatehouse.server.account.AccountAccess;
import dev.gatehouse.server.account.Actor;
import dev.gatehouse.server.account.Role;
import dev.gatehouse.server.audit.AuditLog;
import dev.gatehouse.server.testsupport.Fixtures;
import dev.gatehouse.server.user.UserAccount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The break-glass command, run as its own JVM process exactly as an operator would, against the H2
 * file database (AUTO_SERVER mode) that a running server is using.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(Fixtures.class)
class BreakGlassWhileServingTest {

  private static final Path DATA;

  static {
    try {
      DATA = Files.createTempDirectory("gatehouse-break-glass");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String databaseUrl() {
    return "jdbc:h2:file:" + DATA.resolve("gatehouse").toAbsolutePath() + ";AUTO_SERVER=TRUE";
  }

  @DynamicPropertySource
  static void fileDatabase(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", BreakGlassWhileServingTest::databaseUrl);
  }

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired AllowlistService service;
  @Autowired AuditLog auditLog;

  record Run(int exitCode, String output) {}

  /** Runs {@code gatehouse allowlist ...} in a new JVM on the main classpath (no test classes). */
  static Run command(String... words) throws Exception {
    List<String> args = new ArrayList<>(List.of(words));
    args.add("--spring.datasource.url=" + databaseUrl());
    Process process = GatehouseProcess.builder(args).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), output);
  }

  @Test
  void disableFromTheCommandLineLetsTheLockedOutBackInWhileTheServerRuns() throws Exception {
    String email = "locked@acme.test";
    UserAccount user = fixtures.member("locked", email, Role.ADMIN);
    var account = fixtures.account("locked");
    AccountAccess admin =
        new AccountAccess(
            account.id(), "locked", account.name(), Role.ADMIN, Actor.user(user.id(), email));
    service.add(admin, IpAddress.parse("127.0.0.2"), "127.0.0.2", null, null);
    service.setEnabled(admin, IpAddress.parse("127.0.0.2"), true);
    LoopbackHttp browser = new LoopbackHttp(port);
    browser.signIn("127.0.0.3", email, Fixtures.PASSWORD);
    String page = "/accounts/locked/settings/security/ip-whitelisting";
    assertThat(browser.get("127.0.0.3", page).status()).isEqualTo(403);

    Run run = command("allowlist", "disable", "--account", "locked");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("Turned IP whitelisting off for account 'locked'");
    // The server learns of the change through its periodic version check (every second).
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    int status = 403;
    while (status != 200 && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      status = browser.get("127.0.0.3", page).status();
    }
    assertThat(status).isEqualTo(200);
    assertThat(service.view(account.id()).entries()).hasSize(1);
    assertThat(auditLog.newestFirst(account.id(), 1))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("system");
              assertThat(e.actorIp()).isEqualTo("local");
              assertThat(e.action()).isEqualTo("allowlist.break_glass");
            });
  }

  @Test
  void unknownAccountIsReportedWithExitCodeOne() throws Exception {
    Run run = command("allowlist", "disable", "--account", "no-such-account");

    assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
    assertThat(run.output()).contains("No account with slug 'no-such-account'");
  }
}
