package dev.gatehouse.server.api;

import dev.gatehouse.server.account.Account;
import dev.gatehouse.server.account.AccountService;
import dev.gatehouse.server.account.Actor;
import dev.gatehouse.server.account.Role;
import dev.gatehouse.server.token.ApiTokenService;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Accounts and tokens for API tests; every account gets a fresh slug. */
final class ApiFixture {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final AccountService accounts;
  private final ApiTokenService tokens;

  ApiFixture(AccountService accounts, ApiTokenService tokens) {
    this.accounts = accounts;
    this.tokens = tokens;
  }

  /** An account with an admin token, a member token and a revoked admin token. */
  Tenant tenant() {
    int n = SEQUENCE.incrementAndGet();
    Account account =
        accounts.create("acct-" + n + "-" + System.nanoTime() % 100000, "Account " + n);
    String admin = token(account, "ci-admin-" + n, Role.ADMIN);
    String member = token(account, "ci-member-" + n, Role.MEMBER);
    var revoked = tokens.create(account.id(), "revoked-" + n, Role.ADMIN, Actor.SYSTEM);
    tokens.revoke(account.id(), revoked.token().id());
    return new Tenant(account, admin, "ci-admin-" + n, member, revoked.secret());
  }

  String token(Account account, String name, Role role) {
    return tokens.create(account.id(), name, role, Actor.SYSTEM).secret();
  }

  record Tenant(
      Account account,
      String adminToken,
      String adminName,
      String memberToken,
      String revokedToken) {
    String slug() {
      return account.slug();
    }

    String allowlist() {
      return "/api/v1/accounts/" + slug() + "/ip-allowlist";
    }

    String entries() {
      return allowlist() + "/entries";
    }
  }

  static String bearer(String token) {
    return "Bearer " + token;
  }

  /** A request from this TCP peer address (what the container reports as the remote address). */
  static RequestPostProcessor from(String peerAddress) {
    return request -> {
      request.setRemoteAddr(peerAddress);
      return request;
    };
  }
}
