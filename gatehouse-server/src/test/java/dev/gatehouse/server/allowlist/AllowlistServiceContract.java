package dev.gatehouse.server.allowlist;

import static dev.gatehouse.server.allowlist.AllowlistTestSupport.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.server.account.AccountAccess;
import dev.gatehouse.server.audit.AuditEvent;
import dev.gatehouse.server.audit.AuditLog;
import dev.gatehouse.server.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The allowlist service's behaviour, run against each database by a subclass. No web server: the
 * background tasks are off, so tests move the clock and run version checks themselves.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "gatehouse.allowlist.max-entries=25")
@Import(AllowlistTestSupport.ClockConfiguration.class)
abstract class AllowlistServiceContract {

  @Autowired AllowlistService service;
  @Autowired AuditLog auditLog;
  @Autowired PolicyCache policyCache;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  AccountAccess admin;

  @BeforeEach
  void newAccount() {
    clock.set(AllowlistTestSupport.START);
    admin = AllowlistTestSupport.newAccountAdmin(jdbc);
  }

  private List<String> values() {
    return service.view(admin.accountId()).entries().stream().map(AllowlistEntry::value).toList();
  }

  private List<String> auditDetails() {
    return auditLog.newestFirst(admin.accountId(), 100).stream()
        .map(e -> e.action() + ": " + e.details())
        .toList();
  }

  private static String addresses(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(i -> "192.0.2." + i)
        .collect(Collectors.joining(", "));
  }

  @Test
  void addWhenItemsValidThenStoredCanonicallyWithLabelAndAudited() {
    AddResult result =
        service.add(
            admin,
            ip("198.51.100.7"),
            "10.0.0.0/8, 2001:DB8:0:0::1\n::ffff:192.168.1.1",
            " Office ",
            null);

    assertThat(result.added())
        .extracting(AllowlistEntry::value)
        .containsExactly("10.0.0.0/8", "2001:db8::1", "192.168.1.1");
    assertThat(result.added()).allSatisfy(e -> assertThat(e.label()).isEqualTo("Office"));
    assertThat(result.alreadyPresent()).isEmpty();
    assertThat(values()).containsExactly("10.0.0.0/8", "2001:db8::1", "192.168.1.1");
    List<AuditEvent> events = auditLog.newestFirst(admin.accountId(), 10);
    assertThat(events)
        .extracting(AuditEvent::details)
        .containsExactly(
            "added 192.168.1.1 (Office)",
            "added 2001:db8::1 (Office)",
            "added 10.0.0.0/8 (Office)");
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.actor()).isEqualTo("admin@acme.test");
              assertThat(e.actorIp()).isEqualTo("198.51.100.7");
              assertThat(e.action()).isEqualTo("entry.added");
              assertThat(e.at()).isEqualTo(AllowlistTestSupport.START);
            });
  }

  @Test
  void addWhenAnyItemInvalidThenNothingAddedAndEveryBadItemReported() {
    assertThatThrownBy(
            () ->
                service.add(
                    admin,
                    ip("198.51.100.7"),
                    "10.0.0.1, 010.0.0.1, 10.1.2.3/8, 10.0.0.2",
                    "",
                    null))
        .isInstanceOfSatisfying(
            AllowlistException.InvalidAddresses.class,
            e -> {
              assertThat(e.code().value()).isEqualTo("invalid_addresses");
              assertThat(e.errors())
                  .extracting(AllowlistException.ItemError::input)
                  .containsExactly("010.0.0.1", "10.1.2.3/8");
              assertThat(e.errors().get(1).reason()).contains("10.0.0.0/8");
            });
    assertThat(values()).isEmpty();
    assertThat(auditDetails()).isEmpty();
  }

  @Test
  void addWhenNothingButSeparatorsThenInvalidWithoutItemErrors() {
    assertThatThrownBy(() -> service.add(admin, ip("198.51.100.7"), " , ,\n", null, null))
        .isInstanceOfSatisfying(
            AllowlistException.InvalidAddresses.class, e -> assertThat(e.errors()).isEmpty());
  }

  @Test
  void addWhenItemsAlreadyListedOrRepeatedThenReportedAsAlreadyPresentOnce() {
    service.add(admin, ip("198.51.100.7"), "10.0.0.1", null, null);

    AddResult result =
        service.add(
            admin, ip("198.51.100.7"), "10.0.0.1, 10.0.0.2, ::ffff:10.0.0.2, 10.0.0.1", null, null);

    assertThat(result.added()).extracting(AllowlistEntry::value).containsExactly("10.0.0.2");
    assertThat(result.alreadyPresent()).containsExactly("10.0.0.1", "10.0.0.2");
    assertThat(values()).containsExactly("10.0.0.1", "10.0.0.2");
  }

  @Test
  void addWhenTwentyItemsThenAllAdded() {
    AddResult result = service.add(admin, ip("198.51.100.7"), addresses(20), null, null);

    assertThat(result.added()).hasSize(20);
    assertThat(values()).hasSize(20).contains("192.0.2.1", "192.0.2.20");
  }

  @Test
  void addWhenTwentyOneItemsThenTooManyAndNothingAdded() {
    assertThatThrownBy(() -> service.add(admin, ip("198.51.100.7"), addresses(21), null, null))
        .isInstanceOfSatisfying(
            AllowlistException.TooManyAddresses.class,
            e -> {
              assertThat(e.code().value()).isEqualTo("too_many_addresses");
              assertThat(e.given()).isEqualTo(21);
              assertThat(e.max()).isEqualTo(20);
            });
    assertThat(values()).isEmpty();
  }

  @Test
  void addWhenAccountLimitWouldBeExceededThenRefusedAndNothingAdded() {
    service.add(admin, ip("198.51.100.7"), addresses(20), null, null);

    assertThatThrownBy(
            () ->
                service.add(
                    admin,
                    ip("198.51.100.7"),
                    "203.0.113.1, 203.0.113.2, 203.0.113.3, 203.0.113.4, 203.0.113.5, 203.0.113.6",
                    null,
                    null))
        .isInstanceOfSatisfying(
            AllowlistException.LimitExceeded.class,
            e -> {
              assertThat(e.code().value()).isEqualTo("limit_exceeded");
              assertThat(e.max()).isEqualTo(25);
            });
    assertThat(values()).hasSize(20);

    // Already listed items do not count against the limit.
    AddResult upToLimit =
        service.add(
            admin,
            ip("198.51.100.7"),
            "192.0.2.1, 203.0.113.1, 203.0.113.2, 203.0.113.3, 203.0.113.4, 203.0.113.5",
            null,
            null);
    assertThat(upToLimit.added()).hasSize(5);
    assertThat(values()).hasSize(25);
  }

  @Test
  void addWhenLabelTooLongOrHasControlCharactersThenRefused() {
    assertThatThrownBy(
            () -> service.add(admin, ip("198.51.100.7"), "10.0.0.1", "x".repeat(101), null))
        .isInstanceOfSatisfying(
            AllowlistException.InvalidEntry.class,
            e -> assertThat(e.code().value()).isEqualTo("invalid_label"));
    assertThatThrownBy(() -> service.add(admin, ip("198.51.100.7"), "10.0.0.1", "a\u0000b", null))
        .isInstanceOf(AllowlistException.InvalidEntry.class);
    assertThat(service.add(admin, ip("198.51.100.7"), "10.0.0.1", "x".repeat(100), null).added())
        .hasSize(1);
  }

  @Test
  void addWhenExpiryNotInTheFutureThenRefused() {
    assertThatThrownBy(
            () ->
                service.add(
                    admin, ip("198.51.100.7"), "10.0.0.1", null, AllowlistTestSupport.START))
        .isInstanceOfSatisfying(
            AllowlistException.InvalidEntry.class,
            e -> assertThat(e.code().value()).isEqualTo("invalid_expiry"));
    assertThat(values()).isEmpty();
  }

  @Test
  void addWhenCallerIsMemberThenForbidden() {
    AccountAccess member = AllowlistTestSupport.memberOf(admin);

    assertThatThrownBy(() -> service.add(member, ip("198.51.100.7"), "10.0.0.1", null, null))
        .isInstanceOfSatisfying(
            AllowlistException.Forbidden.class,
            e -> assertThat(e.code().value()).isEqualTo("forbidden"));
    assertThatThrownBy(() -> service.setEnabled(member, ip("198.51.100.7"), false))
        .isInstanceOf(AllowlistException.Forbidden.class);
    assertThatThrownBy(() -> service.deleteAll(member, ip("198.51.100.7"), List.of(1L)))
        .isInstanceOf(AllowlistException.Forbidden.class);
    assertThat(values()).isEmpty();
  }

  @Test
  void enableWhenCallerIpNotCoveredThenLockoutNamingTheIpAndStillOff() {
    service.add(admin, ip("198.51.100.7"), "10.0.0.0/8", null, null);

    assertThatThrownBy(() -> service.setEnabled(admin, ip("198.51.100.7"), true))
        .isInstanceOfSatisfying(
            AllowlistException.Lockout.class,
            e -> {
              assertThat(e.code().value()).isEqualTo("lockout");
              assertThat(e.clientIp()).isEqualTo(ip("198.51.100.7"));
              assertThat(e.getMessage()).contains("198.51.100.7");
            });
    assertThat(service.view(admin.accountId()).enabled()).isFalse();
  }

  @Test
  void enableWhenCallerIpCoveredThenOnAuditedAndVersionIncreased() {
    service.add(admin, ip("10.1.2.3"), "10.0.0.0/8", null, null);
    long before = service.view(admin.accountId()).version();

    AllowlistView view = service.setEnabled(admin, ip("10.1.2.3"), true);

    assertThat(view.enabled()).isTrue();
    assertThat(view.version()).isGreaterThan(before);
    assertThat(auditDetails().get(0)).isEqualTo("allowlist.enabled: turned IP whitelisting on");
  }

  @Test
  void disableKeepsTheEntries() {
    service.add(admin, ip("10.1.2.3"), "10.0.0.0/8", null, null);
    service.setEnabled(admin, ip("10.1.2.3"), true);

    AllowlistView view = service.setEnabled(admin, ip("203.0.113.9"), false);

    assertThat(view.enabled()).isFalse();
    assertThat(values()).containsExactly("10.0.0.0/8");
    assertThat(auditDetails().get(0)).isEqualTo("allowlist.disabled: turned IP whitelisting off");
  }

  @Test
  void deleteWhenItWouldRemoveTheCallersOnlyCoverThenLockout() {
    AddResult added = service.add(admin, ip("10.1.2.3"), "10.0.0.0/8, 192.0.2.1", null, null);
    service.setEnabled(admin, ip("10.1.2.3"), true);
    long office = added.added().get(0).id();

    assertThatThrownBy(() -> service.delete(admin, ip("10.1.2.3"), office))
        .isInstanceOfSatisfying(
            AllowlistException.Lockout.class,
            e -> assertThat(e.getMessage()).contains("Whitelist 10.1.2.3 first"));
    assertThat(values()).containsExactly("10.0.0.0/8", "192.0.2.1");
  }

  @Test
  void deleteWhenAnotherEntryStillCoversTheCallerThenRemovedAndAudited() {
    AddResult added = service.add(admin, ip("10.1.2.3"), "10.0.0.0/8, 10.1.2.3", "VPN", null);
    service.setEnabled(admin, ip("10.1.2.3"), true);

    service.delete(admin, ip("10.1.2.3"), added.added().get(0).id());

    assertThat(values()).containsExactly("10.1.2.3");
    assertThat(auditDetails().get(0)).isEqualTo("entry.removed: removed 10.0.0.0/8 (VPN)");
  }

  @Test
  void deleteWhenIdNotOnThisAccountThenNotFound() {
    AccountAccess other = AllowlistTestSupport.newAccountAdmin(jdbc);
    long foreign = service.add(other, ip("10.1.2.3"), "10.0.0.1", null, null).added().get(0).id();

    assertThatThrownBy(() -> service.delete(admin, ip("10.1.2.3"), foreign))
        .isInstanceOfSatisfying(
            AllowlistException.NotFound.class,
            e -> assertThat(e.code().value()).isEqualTo("not_found"));
    assertThat(service.view(other.accountId()).entries()).hasSize(1);
  }

  @Test
  void deleteAllWhenOneIdUnknownThenNothingDeleted() {
    List<Long> ids =
        service.add(admin, ip("10.1.2.3"), "192.0.2.1, 192.0.2.2", null, null).added().stream()
            .map(AllowlistEntry::id)
            .toList();

    assertThatThrownBy(
            () -> service.deleteAll(admin, ip("10.1.2.3"), List.of(ids.get(0), ids.get(1), -5L)))
        .isInstanceOfSatisfying(
            AllowlistException.NotFound.class, e -> assertThat(e.entryId()).isEqualTo(-5L));
    assertThat(values()).containsExactly("192.0.2.1", "192.0.2.2");
    assertThat(auditDetails()).noneMatch(d -> d.startsWith("entry.removed"));
  }

  @Test
  void deleteAllWhenEveryEntrySelectedWhileOnThenLockoutAndNothingDeleted() {
    List<Long> all =
        service.add(admin, ip("10.1.2.3"), "10.0.0.0/8, 192.0.2.1", null, null).added().stream()
            .map(AllowlistEntry::id)
            .toList();
    service.setEnabled(admin, ip("10.1.2.3"), true);

    assertThatThrownBy(() -> service.deleteAll(admin, ip("10.1.2.3"), all))
        .isInstanceOf(AllowlistException.Lockout.class);
    assertThat(values()).containsExactly("10.0.0.0/8", "192.0.2.1");
  }

  @Test
  void deleteAllWhenOffThenEveryEntryRemovedAtOnce() {
    List<Long> all =
        service
            .add(admin, ip("10.1.2.3"), "10.0.0.0/8, 192.0.2.1, 192.0.2.1", null, null)
            .added()
            .stream()
            .map(AllowlistEntry::id)
            .toList();

    int deleted =
        service.deleteAll(admin, ip("10.1.2.3"), List.of(all.get(0), all.get(1), all.get(0)));

    assertThat(deleted).isEqualTo(2);
    assertThat(values()).isEmpty();
  }

  @Test
  void expiredEntryStopsAllowingAtItsExpiryAndIsRemovedWithAnAuditEvent() {
    Instant expiry = AllowlistTestSupport.START.plus(Duration.ofHours(1));
    service.add(admin, ip("10.1.2.3"), "10.1.2.3", "Travel", expiry);
    service.add(admin, ip("10.1.2.3"), "192.0.2.1", null, null);
    service.setEnabled(admin, ip("10.1.2.3"), true);
    assertThat(policyCache.check(admin.accountId(), ip("10.1.2.3")))
        .isEqualTo(PolicyCache.Verdict.ALLOWED);

    clock.advance(Duration.ofHours(1));

    assertThat(policyCache.check(admin.accountId(), ip("10.1.2.3")))
        .isEqualTo(PolicyCache.Verdict.NOT_ALLOWED);
    AllowlistView view = service.view(admin.accountId());
    assertThat(view.entries()).extracting(view::isLive).containsExactly(false, true);
    assertThat(service.accountsWithExpiredEntries()).contains(admin.accountId());

    assertThat(service.removeExpired(admin.accountId())).isEqualTo(1);

    assertThat(values()).containsExactly("192.0.2.1");
    assertThat(auditLog.newestFirst(admin.accountId(), 1))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("system");
              assertThat(e.action()).isEqualTo("entry.expired");
              assertThat(e.details()).isEqualTo("10.1.2.3 (Travel) expired");
            });
  }

  @Test
  void enableWhenOnlyAnExpiredEntryCoversTheCallerThenLockout() {
    service.add(
        admin, ip("10.1.2.3"), "10.1.2.3", null, AllowlistTestSupport.START.plusSeconds(60));
    clock.advance(Duration.ofSeconds(60));

    assertThatThrownBy(() -> service.setEnabled(admin, ip("10.1.2.3"), true))
        .isInstanceOf(AllowlistException.Lockout.class);
  }

  @Test
  void policyCheckFollowsEveryCommittedChange() {
    long account = admin.accountId();
    assertThat(policyCache.check(account, ip("203.0.113.9")))
        .isEqualTo(PolicyCache.Verdict.ALLOWED);

    service.add(admin, ip("10.1.2.3"), "10.0.0.0/8", null, null);
    service.setEnabled(admin, ip("10.1.2.3"), true);

    assertThat(policyCache.check(account, ip("203.0.113.9")))
        .isEqualTo(PolicyCache.Verdict.NOT_ALLOWED);
    assertThat(policyCache.check(account, ip("10.200.0.1"))).isEqualTo(PolicyCache.Verdict.ALLOWED);

    service.setEnabled(admin, ip("10.1.2.3"), false);

    assertThat(policyCache.check(account, ip("203.0.113.9")))
        .isEqualTo(PolicyCache.Verdict.ALLOWED);
  }

  @Test
  void versionCheckPicksUpAChangeMadeByAnotherProcess() {
    long account = admin.accountId();
    service.add(admin, ip("10.1.2.3"), "10.0.0.0/8", null, null);
    service.setEnabled(admin, ip("10.1.2.3"), true);
    assertThat(policyCache.check(account, ip("203.0.113.9")))
        .isEqualTo(PolicyCache.Verdict.NOT_ALLOWED);

    // What another node or the break-glass command does, unseen by this node's cache.
    jdbc.sql(
            "UPDATE allowlist_policies SET enabled = FALSE, version = version + 1"
                + " WHERE account_id = ?")
        .param(account)
        .update();
    assertThat(policyCache.check(account, ip("203.0.113.9")))
        .isEqualTo(PolicyCache.Verdict.NOT_ALLOWED);

    assertThat(policyCache.checkVersions()).isGreaterThanOrEqualTo(1);

    assertThat(policyCache.check(account, ip("203.0.113.9")))
        .isEqualTo(PolicyCache.Verdict.ALLOWED);
  }

  @Test
  void restrictedPolicyNotConfirmedForLongerThanMaxStalenessIsUnavailable() {
    long account = admin.accountId();
    service.add(admin, ip("10.1.2.3"), "10.0.0.0/8", null, null);
    service.setEnabled(admin, ip("10.1.2.3"), true);
    AccountAccess open = AllowlistTestSupport.newAccountAdmin(jdbc);
    assertThat(policyCache.check(open.accountId(), ip("10.1.2.3")))
        .isEqualTo(PolicyCache.Verdict.ALLOWED);

    clock.advance(Duration.ofSeconds(61));

    assertThat(policyCache.check(account, ip("10.1.2.3")))
        .isEqualTo(PolicyCache.Verdict.POLICY_UNAVAILABLE);
    assertThat(policyCache.check(open.accountId(), ip("10.1.2.3")))
        .isEqualTo(PolicyCache.Verdict.ALLOWED);

    policyCache.checkVersions();

    assertThat(policyCache.check(account, ip("10.1.2.3"))).isEqualTo(PolicyCache.Verdict.ALLOWED);
  }

  @Test
  void breakGlassTurnsTheRestrictionOffKeepsEntriesAndAuditsAsSystem() {
    service.add(admin, ip("10.1.2.3"), "10.0.0.0/8", null, null);
    service.setEnabled(admin, ip("10.1.2.3"), true);

    assertThat(service.disableFromServerHost(admin.slug(), "ops-host")).contains(true);

    assertThat(service.view(admin.accountId()).enabled()).isFalse();
    assertThat(values()).containsExactly("10.0.0.0/8");
    assertThat(auditLog.newestFirst(admin.accountId(), 1))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("system");
              assertThat(e.actorIp()).isEqualTo("local");
              assertThat(e.action()).isEqualTo("allowlist.break_glass");
              assertThat(e.details())
                  .isEqualTo(
                      "turned IP whitelisting off with the break-glass command on host ops-host");
            });
    assertThat(service.disableFromServerHost("no-such-account", "ops-host")).isEmpty();
  }

  @Test
  void auditLogRecordsTheCallerOfARequestAsActor() {
    AuditEvent event = auditLog.record(admin, "203.0.113.7", "member.added", "added bob@acme.test");

    assertThat(auditLog.newestFirst(admin.accountId(), 1)).containsExactly(event);
    assertThat(event.actor()).isEqualTo("admin@acme.test");
    assertThat(event.actorIp()).isEqualTo("203.0.113.7");
  }

  @Test
  void auditLogPagesThroughOlderEvents() {
    for (int i = 1; i <= 5; i++) {
      auditLog.record(admin.accountId(), "a@acme.test", "10.0.0.1", "entry.added", "event " + i);
      clock.advance(Duration.ofSeconds(1));
    }

    assertThat(auditLog.newestFirst(admin.accountId(), 2, 2))
        .extracting(AuditEvent::details)
        .containsExactly("event 3", "event 2");
  }

  @Test
  void auditLogListsNewestFirstWithinTheLimit() {
    auditLog.record(admin.accountId(), "a@acme.test", "10.0.0.1", "entry.added", "first");
    clock.advance(Duration.ofSeconds(1));
    auditLog.record(admin.accountId(), "a@acme.test", "10.0.0.1", "entry.added", "second");
    auditLog.record(admin.accountId(), "a@acme.test", "10.0.0.1", "entry.added", "third");

    assertThat(auditLog.newestFirst(admin.accountId(), 2))
        .extracting(AuditEvent::details)
        .containsExactly("third", "second");
  }
}
