package dev.gatehouse.server.allowlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.IpAddress;
import dev.gatehouse.server.account.AccountAccess;
import dev.gatehouse.server.account.Actor;
import dev.gatehouse.server.account.Role;
import dev.gatehouse.server.testsupport.Fixtures;
import dev.gatehouse.server.user.UserAccount;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Enforcement judged by the real TCP peer: the server listens on a random port and each "client" is
 * a socket bound to its own loopback source address (127.0.0.2, 127.0.0.3), all sharing one session
 * cookie. Run on each database by a subclass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(Fixtures.class)
abstract class SocketEnforcementContract {

  static final String ALLOWED = "127.0.0.2";
  static final String BLOCKED = "127.0.0.3";

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired AllowlistService service;

  AccountAccess admin;
  String email;
  String page;
  LoopbackHttp browser;

  @BeforeEach
  void restrictedAccount() throws Exception {
    int n = SEQUENCE.incrementAndGet();
    String slug = "sockets-" + n;
    email = "ada" + n + "@acme.test";
    UserAccount user = fixtures.member(slug, email, Role.ADMIN);
    var account = fixtures.account(slug);
    admin =
        new AccountAccess(
            account.id(), slug, account.name(), Role.ADMIN, Actor.user(user.id(), email));
    page = "/accounts/" + slug + "/settings/security/ip-whitelisting";
    service.add(admin, IpAddress.parse(ALLOWED), ALLOWED, "Allowed loopback", null);
    service.setEnabled(admin, IpAddress.parse(ALLOWED), true);
    browser = new LoopbackHttp(port);
    // Signing in is not account-scoped: it works from a blocked address too.
    browser.signIn(BLOCKED, email, Fixtures.PASSWORD);
  }

  @Test
  void sameSessionIsLetInFromAnAllowedAddressAndRefusedFromAnother() throws Exception {
    LoopbackHttp.Response allowed = browser.get(ALLOWED, page);
    LoopbackHttp.Response refused = browser.get(BLOCKED, page);

    assertThat(allowed.status()).isEqualTo(200);
    assertThat(allowed.body()).contains("data-testid=\"current-ip\">127.0.0.2<");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body())
        .contains(
            "Your IP address <strong class=\"mono\" data-testid=\"blocked-ip\">127.0.0.3</strong>");
    assertThat(refused.header("content-security-policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
    assertThat(refused.header("cache-control")).contains("no-store");
  }

  @Test
  void blockedSessionIsLetBackInOnItsNextRequestWhenTheRestrictionIsLifted() throws Exception {
    assertThat(browser.get(BLOCKED, page).status()).isEqualTo(403);

    service.setEnabled(admin, IpAddress.parse(ALLOWED), false);

    assertThat(browser.get(BLOCKED, page).status()).isEqualTo(200);

    service.setEnabled(admin, IpAddress.parse(ALLOWED), true);

    assertThat(browser.get(BLOCKED, page).status()).isEqualTo(403);
  }

  @Test
  void forwardingHeadersFromAnUntrustedPeerAreIgnored() throws Exception {
    LoopbackHttp.Response spoofed =
        browser.get(BLOCKED, page, "X-Forwarded-For: " + ALLOWED, "Forwarded: for=" + ALLOWED);

    assertThat(spoofed.status()).isEqualTo(403);
    assertThat(spoofed.body()).contains("127.0.0.3");
  }

  @Test
  void refusedRequestsAreCountedAsRecentlyBlocked() throws Exception {
    browser.get(BLOCKED, page);
    browser.get(BLOCKED, page);

    assertThat(service.recentlyBlocked(admin.accountId(), 10))
        .filteredOn(b -> b.ip().equals(BLOCKED))
        .singleElement()
        .satisfies(b -> assertThat(b.attempts()).isEqualTo(2));
  }
}
