package dev.gatehouse.server.allowlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.IpAddress;
import dev.gatehouse.server.account.AccountAccess;
import dev.gatehouse.server.account.Actor;
import dev.gatehouse.server.account.Role;
import dev.gatehouse.server.testsupport.Fixtures;
import dev.gatehouse.server.user.UserAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** With 127.0.0.4 configured as a trusted proxy, its forwarding headers decide the client IP. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "gatehouse.trusted-proxies=127.0.0.4")
@Import(Fixtures.class)
class TrustedProxySocketTest {

  static final String PROXY = "127.0.0.4";

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired AllowlistService service;

  String page;
  LoopbackHttp browser;

  @BeforeEach
  void restrictedAccount() throws Exception {
    String email = "proxy-admin@acme.test";
    UserAccount user = fixtures.member("proxied", email, Role.ADMIN);
    var account = fixtures.account("proxied");
    AccountAccess admin =
        new AccountAccess(
            account.id(), "proxied", account.name(), Role.ADMIN, Actor.user(user.id(), email));
    service.add(admin, IpAddress.parse("198.51.100.7"), "198.51.100.7", null, null);
    service.setEnabled(admin, IpAddress.parse("198.51.100.7"), true);
    page = "/accounts/proxied/settings/security/ip-whitelisting";
    browser = new LoopbackHttp(port);
    browser.signIn(PROXY, email, Fixtures.PASSWORD);
  }

  @Test
  void clientForwardedByTheTrustedProxyIsJudged() throws Exception {
    LoopbackHttp.Response allowed = browser.get(PROXY, page, "X-Forwarded-For: 198.51.100.7");
    LoopbackHttp.Response refused =
        browser.get(PROXY, page, "X-Forwarded-For: 198.51.100.7, 203.0.113.9");
    LoopbackHttp.Response viaForwarded = browser.get(PROXY, page, "Forwarded: for=198.51.100.7");

    assertThat(allowed.status()).isEqualTo(200);
    assertThat(allowed.body()).contains("data-testid=\"current-ip\">198.51.100.7<");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("203.0.113.9");
    assertThat(viaForwarded.status()).isEqualTo(200);
  }

  @Test
  void sameHeaderFromAPeerThatIsNotTheProxyIsIgnored() throws Exception {
    LoopbackHttp.Response spoofed = browser.get("127.0.0.5", page, "X-Forwarded-For: 198.51.100.7");

    assertThat(spoofed.status()).isEqualTo(403);
    assertThat(spoofed.body()).contains("127.0.0.5");
  }
}
