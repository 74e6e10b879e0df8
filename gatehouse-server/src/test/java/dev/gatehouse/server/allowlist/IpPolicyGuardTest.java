package dev.gatehouse.server.allowlist;

import static dev.gatehouse.server.allowlist.AllowlistTestSupport.ip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.server.account.AccountAccess;
import dev.gatehouse.server.testsupport.MutableClock;
import dev.gatehouse.server.web.ClientIp;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The guard's decisions and the exact responses it writes, for pages and for the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(AllowlistTestSupport.ClockConfiguration.class)
class IpPolicyGuardTest {

  @Autowired IpPolicyGuard guard;
  @Autowired AllowlistService service;
  @Autowired BlockedAttemptCounter blockedAttempts;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  AccountAccess admin;

  @BeforeEach
  void restrictedAccount() {
    clock.set(AllowlistTestSupport.START);
    admin = AllowlistTestSupport.newAccountAdmin(jdbc);
    service.add(admin, ip("10.1.2.3"), "10.0.0.0/8", "Office", null);
    service.setEnabled(admin, ip("10.1.2.3"), true);
  }

  private static MockHttpServletRequest request(String path, String clientIp) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    request.setRemoteAddr(clientIp);
    request.setAttribute(ClientIp.REQUEST_ATTRIBUTE, ip(clientIp));
    return request;
  }

  @Test
  void coveredClientIsLetThroughWithoutAResponse() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();

    boolean permitted =
        guard.permit(admin, request("/accounts/acme/dashboard", "10.20.30.40"), response);

    assertThat(permitted).isTrue();
    assertThat(response.isCommitted()).isFalse();
    assertThat(response.getContentAsString()).isEmpty();
  }

  @Test
  void refusedPageGetsAPlain403NamingTheClientIpAndTheAccount() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();

    boolean permitted =
        guard.permit(admin, request("/accounts/acme/dashboard", "203.0.113.7"), response);

    assertThat(permitted).isFalse();
    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(response.getContentType()).startsWith("text/html");
    assertThat(response.getContentAsString())
        .contains("203.0.113.7")
        .contains("is not allowed to access <strong>Acme</strong>")
        .contains("Contact your account's admin");
  }

  @Test
  void refusedApiCallGetsProblemJsonWithCodeAndClientIp() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();

    guard.permit(admin, request("/api/v1/accounts/acme/ip-allowlist", "2001:db8::7"), response);

    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getContentAsString())
        .isEqualTo(
            "{\"type\":\"about:blank\",\"status\":403,\"title\":\"IP address not allowed\","
                + "\"detail\":\"Your IP address 2001:db8::7 is not allowed to access Acme. Contact"
                + " your account's admin to whitelist it.\",\"code\":\"ip_not_allowed\","
                + "\"clientIp\":\"2001:db8::7\"}");
  }

  @Test
  void refusalsAreCountedPerIpWithoutWaitingForTheFlush() throws Exception {
    for (int i = 0; i < 3; i++) {
      guard.permit(
          admin, request("/accounts/acme/dashboard", "203.0.113.7"), new MockHttpServletResponse());
    }
    guard.permit(
        admin, request("/accounts/acme/dashboard", "203.0.113.8"), new MockHttpServletResponse());

    assertThat(service.recentlyBlocked(admin.accountId(), 10))
        .extracting(BlockedAttempt::ip, BlockedAttempt::attempts)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("203.0.113.7", 3L),
            org.assertj.core.groups.Tuple.tuple("203.0.113.8", 1L));

    blockedAttempts.flush();
    clock.advance(Duration.ofSeconds(5));
    guard.permit(
        admin, request("/accounts/acme/dashboard", "203.0.113.7"), new MockHttpServletResponse());
    blockedAttempts.flush();

    assertThat(service.recentlyBlocked(admin.accountId(), 10))
        .filteredOn(b -> b.ip().equals("203.0.113.7"))
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.attempts()).isEqualTo(4);
              assertThat(b.firstSeen()).isEqualTo(AllowlistTestSupport.START);
              assertThat(b.lastSeen()).isEqualTo(AllowlistTestSupport.START.plusSeconds(5));
            });
  }

  @Test
  void countsOlderThanThirtyDaysAreDeleted() throws Exception {
    guard.permit(
        admin, request("/accounts/acme/dashboard", "203.0.113.7"), new MockHttpServletResponse());
    blockedAttempts.flush();
    clock.advance(Duration.ofDays(30).plusSeconds(1));

    blockedAttempts.deleteOld();

    assertThat(service.recentlyBlocked(admin.accountId(), 10)).isEmpty();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM blocked_attempts WHERE account_id = ?")
                .param(admin.accountId())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void restrictedAccountWithUnconfirmedPolicyGets503PolicyUnavailable() throws Exception {
    clock.advance(Duration.ofMinutes(2));
    MockHttpServletResponse response = new MockHttpServletResponse();

    guard.permit(admin, request("/api/v1/whoami", "10.1.2.3"), response);

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getContentAsString()).contains("\"code\":\"policy_unavailable\"");
  }
}
