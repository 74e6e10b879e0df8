package dev.gatehouse.server.allowlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.IpAddress;
import dev.gatehouse.server.account.AccountAccess;
import dev.gatehouse.server.account.Actor;
import dev.gatehouse.server.account.Role;
import dev.gatehouse.server.testsupport.Fixtures;
import dev.gatehouse.server.testsupport.PostgresTest;
import dev.gatehouse.server.user.UserAccount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Two nodes on one PostgreSQL database: this test's application and a second Gatehouse process.
 * Both check policy versions only once an hour, so when a change made on this node is enforced by
 * the other within seconds, it got there through {@code LISTEN/NOTIFY}.
 */
@PostgresTest
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "gatehouse.allowlist.version-check-interval=1h",
      "gatehouse.allowlist.max-staleness=2h"
    })
@Import(Fixtures.class)
class TwoNodesOnPostgresTest {

  @Autowired Fixtures fixtures;
  @Autowired AllowlistService service;
  @Autowired Environment environment;

  @Test
  void changeOnOneNodeIsEnforcedByTheOtherAtOnce() throws Exception {
    String email = "two-nodes@acme.test";
    UserAccount user = fixtures.member("two-nodes", email, Role.ADMIN);
    var account = fixtures.account("two-nodes");
    AccountAccess admin =
        new AccountAccess(
            account.id(), "two-nodes", account.name(), Role.ADMIN, Actor.user(user.id(), email));
    service.add(admin, IpAddress.parse("127.0.0.2"), "127.0.0.2", null, null);
    String page = "/accounts/two-nodes/settings/security/ip-whitelisting";

    int otherPort = GatehouseProcess.freePort();
    Path log = Files.createTempFile("gatehouse-second-node", ".log");
    Process otherNode =
        GatehouseProcess.builder(
                List.of(
                    "--server.port=" + otherPort,
                    "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=",
                    "--gatehouse.allowlist.version-check-interval=1h",
                    "--gatehouse.allowlist.max-staleness=2h"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      LoopbackHttp browser = new LoopbackHttp(otherPort);
      awaitStarted(browser, otherNode, log);
      browser.signIn("127.0.0.3", email, Fixtures.PASSWORD);
      assertThat(browser.get("127.0.0.3", page).status()).isEqualTo(200);

      service.setEnabled(admin, IpAddress.parse("127.0.0.2"), true);

      assertThat(statusWithin(browser, page, 403)).isEqualTo(403);
      assertThat(browser.get("127.0.0.2", page).status()).isEqualTo(200);

      service.setEnabled(admin, IpAddress.parse("127.0.0.2"), false);

      assertThat(statusWithin(browser, page, 200)).isEqualTo(200);
    } finally {
      otherNode.destroy();
      if (!otherNode.waitFor(30, TimeUnit.SECONDS)) {
        otherNode.destroyForcibly();
      }
    }
  }

  /** Polls from 127.0.0.3 until the wanted status or 10 seconds; returns the last status. */
  private static int statusWithin(LoopbackHttp browser, String page, int wanted) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    int status = browser.get("127.0.0.3", page).status();
    while (status != wanted && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      status = browser.get("127.0.0.3", page).status();
    }
    return status;
  }

  private static void awaitStarted(LoopbackHttp browser, Process node, Path log) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      if (!node.isAlive()) {
        throw new IllegalStateException("second node exited:\n" + Files.readString(log));
      }
      try {
        if (browser.get("127.0.0.3", "/login").status() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("second node did not start:\n" + Files.readString(log));
  }
}
