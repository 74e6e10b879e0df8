package dev.gatehouse.server.allowlist;

import dev.gatehouse.core.IpAddress;
import dev.gatehouse.server.account.AccountAccess;
import dev.gatehouse.server.account.Actor;
import dev.gatehouse.server.account.Role;
import dev.gatehouse.server.testsupport.MutableClock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Accounts and callers for allowlist tests, created with plain SQL. */
final class AllowlistTestSupport {

  static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private AllowlistTestSupport() {}

  @TestConfiguration(proxyBeanMethods = false)
  static class ClockConfiguration {
    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock(START);
    }
  }

  /** Creates an account with a unique slug and returns an admin's access to it. */
  static AccountAccess newAccountAdmin(JdbcClient jdbc) {
    String slug = "acct-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
    jdbc.sql("INSERT INTO accounts (slug, name, created_at) VALUES (?, ?, ?)")
        .params(slug, "Acme " + slug, OffsetDateTime.ofInstant(START, ZoneOffset.UTC))
        .update();
    long id =
        jdbc.sql("SELECT id FROM accounts WHERE slug = ?").param(slug).query(Long.class).single();
    return new AccountAccess(id, slug, "Acme", Role.ADMIN, Actor.user(1, "admin@acme.test"));
  }

  static AccountAccess memberOf(AccountAccess admin) {
    return new AccountAccess(
        admin.accountId(),
        admin.slug(),
        admin.accountName(),
        Role.MEMBER,
        Actor.user(2, "member@acme.test"));
  }

  static IpAddress ip(String text) {
    return IpAddress.parse(text);
  }
}
