package dev.gatehouse.server.allowlist;

import dev.gatehouse.core.AllowlistMatcher;
import dev.gatehouse.core.IpAddress;
import dev.gatehouse.core.IpBlock;
import dev.gatehouse.core.IpList;
import dev.gatehouse.core.IpListItem;
import dev.gatehouse.core.IpListParser;
import dev.gatehouse.server.account.AccountAccess;
import dev.gatehouse.server.account.Role;
import dev.gatehouse.server.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one place where allowlists are read and changed, for the pages, the API and the command line
 * alike.
 *
 * <p>Every change runs in one transaction that first locks the account's row (so concurrent changes
 * to one account apply one after the other), increases the policy version, writes one audit event
 * per effect, and on commit replaces the compiled policy this node enforces. Other nodes see the
 * new version within {@code gatehouse.allowlist.version-check-interval}.
 *
 * <p>Refusals are {@link AllowlistException}s and change nothing. Checks run in this order: role
 * ({@code forbidden}), input ({@code invalid_addresses}, {@code too_many_addresses}, {@code
 * invalid_label}, {@code invalid_expiry}), existence ({@code not_found}), limit ({@code
 * limit_exceeded}), lockout ({@code lockout}).
 */
@Service
public class AllowlistService {

  /** The longest label accepted. */
  public static final int MAX_LABEL_LENGTH = 100;

  private static final DateTimeFormatter AUDIT_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final AllowlistRepository repository;
  private final AuditLog auditLog;
  private final PolicyCache policyCache;
  private final BlockedAttemptCounter blockedAttempts;
  private final PolicyChangeChannel changes;
  private final AllowlistProperties properties;
  private final Clock clock;

  AllowlistService(
      AllowlistRepository repository,
      AuditLog auditLog,
      PolicyCache policyCache,
      BlockedAttemptCounter blockedAttempts,
      PolicyChangeChannel changes,
      AllowlistProperties properties,
      ObjectProvider<Clock> clock) {
    this.changes = changes;
    this.blockedAttempts = blockedAttempts;
    this.repository = repository;
    this.auditLog = auditLog;
    this.policyCache = policyCache;
    this.properties = properties;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /** The account's allowlist now: toggle, version, limit and every stored entry, oldest first. */
  @Transactional(readOnly = true)
  public AllowlistView view(long accountId) {
    AllowlistRepository.PolicyRow policy = repository.policy(accountId);
    return new AllowlistView(
        accountId,
        policy.enabled(),
        policy.version(),
        properties.maxEntries(),
        repository.entries(accountId),
        now());
  }

  /**
   * The client IPs recently refused by the account's policy (last 30 days), latest first, with
   * counts; includes refusals not yet written to the database.
   *
   * @param limit how many IPs at most, 1 to 1000
   */
  public List<BlockedAttempt> recentlyBlocked(long accountId, int limit) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be between 1 and 1000: " + limit);
    }
    return blockedAttempts.recent(accountId, limit);
  }

  /**
   * Adds the addresses and blocks of one submission, atomically.
   *
   * @param access the acting member or token (must be {@code ADMIN})
   * @param clientIp the actor's client IP, for the audit log
   * @param addresses items separated by commas or line breaks, at most 20 (SPEC section 2)
   * @param label optional label for every added entry; blank means none
   * @param expiresAt optional instant at which the added entries stop allowing; must be in the
   *     future
   * @return the added entries and the values that were already present
   * @throws AllowlistException with code {@code forbidden}, {@code invalid_addresses}, {@code
   *     too_many_addresses}, {@code invalid_label}, {@code invalid_expiry} or {@code
   *     limit_exceeded}
   */
  @Transactional
  public AddResult add(
      AccountAccess access,
      IpAddress clientIp,
      String addresses,
      @Nullable String label,
      @Nullable Instant expiresAt) {
    requireAdmin(access);
    Objects.requireNonNull(addresses, "addresses");
    Instant now = now();
    IpList list = IpListParser.parse(addresses, IpListParser.MAX_ITEMS_PER_SUBMISSION);
    if (list.tooMany()) {
      throw new AllowlistException.TooManyAddresses(
          list.items().size(), IpListParser.MAX_ITEMS_PER_SUBMISSION);
    }
    if (!list.invalidItems().isEmpty() || list.blocks().isEmpty()) {
      throw new AllowlistException.InvalidAddresses(
          list.invalidItems().stream()
              .map(item -> new AllowlistException.ItemError(item.input(), item.reason()))
              .toList());
    }
    String cleanLabel = normalizeLabel(label);
    Instant expiry = checkExpiry(expiresAt, now);

    long accountId = lockAccount(access.accountId());
    List<AllowlistEntry> current = purgeExpired(accountId, now);
    Set<IpBlock> listed = current.stream().map(AllowlistEntry::block).collect(Collectors.toSet());
    Set<String> alreadyPresent = new LinkedHashSet<>();
    List<IpBlock> toAdd = new ArrayList<>();
    for (IpBlock block : list.blocks()) {
      if (listed.contains(block)) {
        alreadyPresent.add(block.toString());
      } else {
        toAdd.add(block);
      }
    }
    for (IpListItem.Valid repeated : list.duplicates()) {
      alreadyPresent.add(repeated.block().toString());
    }
    if (current.size() + toAdd.size() > properties.maxEntries()) {
      throw new AllowlistException.LimitExceeded(
          current.size(), toAdd.size(), properties.maxEntries());
    }
    List<AllowlistEntry> added = new ArrayList<>();
    String actor = access.actor().name();
    for (IpBlock block : toAdd) {
      AllowlistEntry entry = repository.insert(accountId, block, cleanLabel, expiry, now, actor);
      added.add(entry);
      auditLog.record(
          accountId, actor, clientIp.toString(), "entry.added", "added " + describe(entry));
    }
    if (!added.isEmpty()) {
      bumpVersion(accountId, repository.policy(accountId).enabled(), now);
    }
    return new AddResult(added, List.copyOf(alreadyPresent));
  }

  /**
   * Turns the restriction on or off; setting the current state again changes nothing and is not
   * audited.
   *
   * @return the allowlist after the change
   * @throws AllowlistException with code {@code forbidden}, or {@code lockout} when turning it on
   *     while no live entry covers {@code clientIp}
   */
  @Transactional
  public AllowlistView setEnabled(AccountAccess access, IpAddress clientIp, boolean enabled) {
    requireAdmin(access);
    Instant now = now();
    long accountId = lockAccount(access.accountId());
    List<AllowlistEntry> current = purgeExpired(accountId, now);
    boolean wasEnabled = repository.policy(accountId).enabled();
    if (wasEnabled != enabled) {
      if (enabled) {
        requireNoLockout(current, clientIp, now, "Turning on IP whitelisting");
      }
      bumpVersion(accountId, enabled, now);
      auditLog.record(
          accountId,
          access.actor().name(),
          clientIp.toString(),
          enabled ? "allowlist.enabled" : "allowlist.disabled",
          enabled ? "turned IP whitelisting on" : "turned IP whitelisting off");
    }
    return view(accountId);
  }

  /**
   * Removes one entry.
   *
   * @throws AllowlistException with code {@code forbidden}, {@code not_found}, or {@code lockout}
   *     when the toggle is on and no remaining live entry would cover {@code clientIp}
   */
  @Transactional
  public void delete(AccountAccess access, IpAddress clientIp, long entryId) {
    deleteAll(access, clientIp, List.of(entryId));
  }

  /**
   * Removes several entries, all or none.
   *
   * @param entryIds ids on this account's list; repeated ids count once
   * @return how many entries were removed
   * @throws AllowlistException with code {@code forbidden}, {@code not_found} (naming the first
   *     unknown id), or {@code lockout} when the toggle is on and no remaining live entry would
   *     cover {@code clientIp}
   */
  @Transactional
  public int deleteAll(AccountAccess access, IpAddress clientIp, Collection<Long> entryIds) {
    requireAdmin(access);
    Instant now = now();
    long accountId = lockAccount(access.accountId());
    Set<Long> ids = new LinkedHashSet<>(entryIds);
    if (ids.isEmpty()) {
      return 0;
    }
    Map<Long, AllowlistEntry> current =
        repository.entries(accountId).stream()
            .collect(Collectors.toMap(AllowlistEntry::id, Function.identity()));
    for (long id : ids) {
      if (!current.containsKey(id)) {
        throw new AllowlistException.NotFound(id);
      }
    }
    List<AllowlistEntry> remaining =
        current.values().stream().filter(e -> !ids.contains(e.id())).toList();
    if (repository.policy(accountId).enabled()) {
      requireNoLockout(
          remaining,
          clientIp,
          now,
          ids.size() == 1 ? "Removing this entry" : "Removing these entries");
    }
    repository.delete(accountId, ids);
    String actor = access.actor().name();
    for (long id : ids) {
      auditLog.record(
          accountId,
          actor,
          clientIp.toString(),
          "entry.removed",
          "removed " + describe(current.get(id)));
    }
    bumpVersion(accountId, repository.policy(accountId).enabled(), now);
    return ids.size();
  }

  /**
   * Break-glass: turns the restriction off for the account with this slug, audited as {@code
   * system} from {@code local}. For operators on the server host, not for requests; the entries are
   * kept.
   *
   * @param host the server host's name, quoted in the audit details
   * @return whether the restriction was on before, or empty when no account has this slug
   */
  @Transactional
  public Optional<Boolean> disableFromServerHost(String slug, String host) {
    Optional<Long> found = repository.findAccountIdBySlug(slug);
    if (found.isEmpty() || !repository.lockAccount(found.get())) {
      return Optional.empty();
    }
    long accountId = found.get();
    Instant now = now();
    boolean wasEnabled = repository.policy(accountId).enabled();
    bumpVersion(accountId, false, now);
    auditLog.record(
        accountId,
        AuditLog.SYSTEM_ACTOR,
        AuditLog.LOCAL_ACTOR_IP,
        "allowlist.break_glass",
        (wasEnabled ? "turned IP whitelisting off" : "IP whitelisting was already off; kept it off")
            + " with the break-glass command on host "
            + host);
    return Optional.of(wasEnabled);
  }

  /**
   * Removes the account's expired entries, each audited as {@code entry.expired} by {@code system}.
   * Entries stop allowing at their expiry whether or not this has run; this keeps the list and the
   * audit log truthful.
   *
   * @return how many were removed
   */
  @Transactional
  public int removeExpired(long accountId) {
    Instant now = now();
    if (!repository.lockAccount(accountId)) {
      return 0;
    }
    int before = repository.entries(accountId).size();
    int after = purgeExpired(accountId, now).size();
    return before - after;
  }

  /** Ids of accounts that have expired entries waiting for {@link #removeExpired}. */
  @Transactional(readOnly = true)
  public List<Long> accountsWithExpiredEntries() {
    return repository.accountsWithExpiredEntries(now());
  }

  private void requireAdmin(AccountAccess access) {
    if (access.role() != Role.ADMIN) {
      throw new AllowlistException.Forbidden();
    }
  }

  private long lockAccount(long accountId) {
    if (!repository.lockAccount(accountId)) {
      // The caller passed membership checks, so the account was deleted meanwhile.
      throw new IllegalStateException("account " + accountId + " does not exist");
    }
    return accountId;
  }

  /** Removes expired entries (audited, version bumped) and returns the live ones. */
  private List<AllowlistEntry> purgeExpired(long accountId, Instant now) {
    List<AllowlistEntry> entries = repository.entries(accountId);
    List<AllowlistEntry> expired = entries.stream().filter(e -> !e.isLiveAt(now)).toList();
    if (expired.isEmpty()) {
      return entries;
    }
    repository.delete(accountId, expired.stream().map(AllowlistEntry::id).toList());
    for (AllowlistEntry entry : expired) {
      auditLog.record(
          accountId,
          AuditLog.SYSTEM_ACTOR,
          AuditLog.LOCAL_ACTOR_IP,
          "entry.expired",
          entry.describe() + " expired");
    }
    bumpVersion(accountId, repository.policy(accountId).enabled(), now);
    return entries.stream().filter(e -> e.isLiveAt(now)).toList();
  }

  private void requireNoLockout(
      List<AllowlistEntry> entriesAfter, IpAddress clientIp, Instant now, String what) {
    AllowlistMatcher after =
        AllowlistMatcher.of(
            entriesAfter.stream().filter(e -> e.isLiveAt(now)).map(AllowlistEntry::block).toList());
    if (!after.matches(clientIp)) {
      throw new AllowlistException.Lockout(clientIp, what);
    }
  }

  /**
   * Sets the toggle, increases the version and, once the transaction commits, replaces this node's
   * compiled policy so the next request is judged by the new one; other nodes hear of it through
   * {@link PolicyChangeChannel} (PostgreSQL) or their version check.
   */
  private void bumpVersion(long accountId, boolean enabled, Instant now) {
    repository.savePolicy(accountId, enabled, now);
    changes.announce(accountId);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              policyCache.refresh(accountId);
            }
          });
    } else {
      policyCache.refresh(accountId);
    }
  }

  private static @Nullable String normalizeLabel(@Nullable String label) {
    if (label == null || label.isBlank()) {
      return null;
    }
    String trimmed = label.strip();
    if (trimmed.length() > MAX_LABEL_LENGTH) {
      throw new AllowlistException.InvalidEntry(
          AllowlistException.Code.INVALID_LABEL,
          "Labels can be at most " + MAX_LABEL_LENGTH + " characters long.");
    }
    if (trimmed.codePoints().anyMatch(AllowlistService::isControlOrFormat)) {
      throw new AllowlistException.InvalidEntry(
          AllowlistException.Code.INVALID_LABEL,
          "Labels cannot contain line breaks or other control characters.");
    }
    return trimmed;
  }

  private static boolean isControlOrFormat(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  private static @Nullable Instant checkExpiry(@Nullable Instant expiresAt, Instant now) {
    if (expiresAt == null) {
      return null;
    }
    Instant expiry = expiresAt.truncatedTo(ChronoUnit.MICROS);
    if (!expiry.isAfter(now)) {
      throw new AllowlistException.InvalidEntry(
          AllowlistException.Code.INVALID_EXPIRY, "The expiry must be in the future.");
    }
    if (expiry.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
      throw new AllowlistException.InvalidEntry(
          AllowlistException.Code.INVALID_EXPIRY, "The expiry must be before the year 10000.");
    }
    return expiry;
  }

  private static String describe(AllowlistEntry entry) {
    return entry.expiresAt() == null
        ? entry.describe()
        : entry.describe() + ", expires " + AUDIT_TIME.format(entry.expiresAt());
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
