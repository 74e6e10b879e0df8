package dev.gatehouse.server.allowlist;

import dev.gatehouse.core.AllowlistMatcher;
import dev.gatehouse.core.IpAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * This node's compiled copy of every account policy it has enforced, so that the request path reads
 * memory, not the database.
 *
 * <p>Freshness, in three ways: a change made on this node replaces the copy when its transaction
 * commits ({@link #refresh}); {@link #checkVersions} compares every copy's version with the
 * database and reloads the changed ones (changes from other nodes and the break-glass command); a
 * copy whose next entry expiry has passed is rebuilt before it is used, so an entry stops allowing
 * at its expiry instant. A PostgreSQL {@code LISTEN/NOTIFY} listener would call {@link #refresh}
 * for the notified account, with {@link #checkVersions} as the backstop.
 *
 * <p>Invariant: a copy is only ever replaced by one of an equal or higher version, so a slow load
 * that read an old version cannot overwrite a newer copy installed meanwhile.
 */
@Component
class PolicyCache {

  /** The outcome of checking one request's client IP against an account's policy. */
  enum Verdict {
    ALLOWED,
    NOT_ALLOWED,
    /** The policy is restricted but this node cannot vouch for its copy (SPEC section 7). */
    POLICY_UNAVAILABLE
  }

  /**
   * One compiled policy.
   *
   * @param rebuildAt the earliest expiry among the compiled entries ({@link Instant#MAX} if none):
   *     from then on the matcher would allow too much and must be rebuilt
   * @param confirmedAt when this copy was last known to equal the database
   */
  record CompiledPolicy(
      long version,
      boolean enabled,
      AllowlistMatcher matcher,
      Instant rebuildAt,
      Instant confirmedAt) {

    CompiledPolicy confirmedAt(Instant at) {
      return new CompiledPolicy(version, enabled, matcher, rebuildAt, at);
    }
  }

  private static final Logger log = LoggerFactory.getLogger(PolicyCache.class);

  /** Stands in for an unknown client: the unspecified address, which no entry may cover. */
  private static final IpAddress UNMATCHABLE = IpAddress.ofIpv4(0);

  private final AllowlistRepository repository;
  private final AllowlistProperties properties;
  private final Clock clock;
  private final Map<Long, CompiledPolicy> policies = new ConcurrentHashMap<>();

  PolicyCache(
      AllowlistRepository repository, AllowlistProperties properties, ObjectProvider<Clock> clock) {
    this.repository = repository;
    this.properties = properties;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /** Judges a client IP against the account's policy, loading it on first use. */
  Verdict check(long accountId, IpAddress clientIp) {
    Instant now = clock.instant();
    CompiledPolicy policy = policies.get(accountId);
    if (policy == null || !now.isBefore(policy.rebuildAt())) {
      policy = refresh(accountId);
      if (policy == null) {
        return Verdict.POLICY_UNAVAILABLE;
      }
    }
    if (!policy.enabled()) {
      return Verdict.ALLOWED;
    }
    if (policy.confirmedAt().plus(properties.maxStaleness()).isBefore(now)) {
      return Verdict.POLICY_UNAVAILABLE;
    }
    return policy.matcher().matches(clientIp) ? Verdict.ALLOWED : Verdict.NOT_ALLOWED;
  }

  /**
   * Judges a request whose client IP is unknown (the container gave no IP literal): allowed only
   * while the account is unrestricted.
   */
  Verdict checkUnknownClient(long accountId) {
    Verdict asAnyone = check(accountId, UNMATCHABLE);
    return asAnyone == Verdict.ALLOWED && isRestricted(accountId) ? Verdict.NOT_ALLOWED : asAnyone;
  }

  private boolean isRestricted(long accountId) {
    CompiledPolicy policy = policies.get(accountId);
    return policy == null || policy.enabled();
  }

  /**
   * Loads the account's policy from the database and installs it unless a newer copy is already
   * installed.
   *
   * @return the installed copy, or null when the database could not be read
   */
  CompiledPolicy refresh(long accountId) {
    CompiledPolicy loaded;
    try {
      loaded = load(accountId);
    } catch (RuntimeException e) {
      log.warn("Could not load the IP allowlist of account {}: {}", accountId, e.toString());
      return null;
    }
    return policies.merge(
        accountId, loaded, (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
  }

  /**
   * Compares every cached copy's version with the database, reloads the changed ones and marks the
   * others confirmed. Throws when the database cannot be read; copies then age towards {@code
   * max-staleness}.
   *
   * @return how many copies were reloaded
   */
  int checkVersions() {
    Instant checkedAt = clock.instant();
    Map<Long, Long> versions = repository.versions();
    int reloaded = 0;
    for (Map.Entry<Long, CompiledPolicy> cached : policies.entrySet()) {
      long accountId = cached.getKey();
      long current = versions.getOrDefault(accountId, 0L);
      if (current != cached.getValue().version()) {
        refresh(accountId);
        reloaded++;
      } else {
        policies.computeIfPresent(
            accountId,
            (id, policy) -> policy.version() == current ? policy.confirmedAt(checkedAt) : policy);
      }
    }
    return reloaded;
  }

  /** Forgets every copy (tests, and a node that lost track of the database). */
  void clear() {
    policies.clear();
  }

  private CompiledPolicy load(long accountId) {
    Instant loadedAt = clock.instant();
    // The version is read before the entries: if a change commits in between, the copy holds
    // newer entries under an older version, which the next version check reloads. The reverse
    // order could label old entries with the new version and keep them.
    AllowlistRepository.PolicyRow row = repository.policy(accountId);
    List<AllowlistEntry> live =
        repository.entries(accountId).stream().filter(e -> e.isLiveAt(loadedAt)).toList();
    Instant rebuildAt =
        live.stream()
            .map(AllowlistEntry::expiresAt)
            .filter(java.util.Objects::nonNull)
            .min(Instant::compareTo)
            .orElse(Instant.MAX);
    AllowlistMatcher matcher =
        AllowlistMatcher.of(live.stream().map(AllowlistEntry::block).toList());
    return new CompiledPolicy(row.version(), row.enabled(), matcher, rebuildAt, loadedAt);
  }
}
