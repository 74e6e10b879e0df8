package dev.gatehouse.server.allowlist;

import dev.gatehouse.core.IpAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts refused requests per account and client IP in memory and adds the counts to the {@code
 * blocked_attempts} table when flushed, so a flood of blocked requests costs no database write
 * each.
 */
@Component
class BlockedAttemptCounter {

  /** How far back "recently blocked" looks; older counts are deleted. */
  static final Duration RECENT = Duration.ofDays(30);

  /**
   * The most (account, IP) pairs held between two flushes. Refusals from further pairs are not
   * counted until the next flush, so a flood from ever-new addresses cannot exhaust memory.
   */
  static final int MAX_PENDING = 100_000;

  private record Key(long accountId, String ip) {}

  private static final Logger log = LoggerFactory.getLogger(BlockedAttemptCounter.class);

  private final JdbcClient jdbc;
  private final Clock clock;

  // Invariant: values are immutable; a tally is replaced atomically by compute() and taken out
  // whole by remove(), so a refusal counted during a flush lands in the next flush.
  private final Map<Key, BlockedAttempt> pending = new ConcurrentHashMap<>();

  BlockedAttemptCounter(JdbcClient jdbc, ObjectProvider<Clock> clock) {
    this.jdbc = jdbc;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  void count(long accountId, IpAddress clientIp) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    String ip = clientIp.toString();
    BlockedAttempt one = new BlockedAttempt(ip, 1, now, now);
    Key key = new Key(accountId, ip);
    if (pending.size() >= MAX_PENDING && !pending.containsKey(key)) {
      return;
    }
    pending.merge(key, one, BlockedAttempt::plus);
  }

  /** Deletes counts whose last refusal is older than {@link #RECENT}. */
  int deleteOld() {
    return jdbc.sql("DELETE FROM blocked_attempts WHERE last_seen < ?")
        .param(AllowlistRepository.utc(clock.instant().minus(RECENT)))
        .update();
  }

  /** Writes the pending counts; a count that cannot be written is put back for the next flush. */
  void flush() {
    for (Key key : List.copyOf(pending.keySet())) {
      BlockedAttempt tally = pending.remove(key);
      if (tally == null) {
        continue;
      }
      try {
        write(key.accountId(), tally);
      } catch (DataIntegrityViolationException e) {
        log.debug("Dropping blocked-attempt counts of a deleted account {}", key.accountId());
      } catch (DataAccessException e) {
        pending.merge(key, tally, BlockedAttempt::plus);
        log.warn("Could not record blocked attempts yet: {}", e.toString());
        return;
      }
    }
  }

  /** The account's recently blocked IPs, latest first, including counts not yet flushed. */
  List<BlockedAttempt> recent(long accountId, int limit) {
    Instant since = clock.instant().minus(RECENT);
    Map<String, BlockedAttempt> byIp = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT ip, attempts, first_seen, last_seen FROM blocked_attempts"
                + " WHERE account_id = ? AND last_seen >= ? ORDER BY last_seen DESC"
                + " FETCH FIRST "
                + limit
                + " ROWS ONLY")
        .params(accountId, AllowlistRepository.utc(since))
        .query(
            (rs, n) ->
                new BlockedAttempt(
                    rs.getString("ip"),
                    rs.getLong("attempts"),
                    rs.getObject("first_seen", OffsetDateTime.class).toInstant(),
                    rs.getObject("last_seen", OffsetDateTime.class).toInstant()))
        .list()
        .forEach(a -> byIp.put(a.ip(), a));
    pending.forEach(
        (key, tally) -> {
          if (key.accountId() == accountId) {
            byIp.merge(tally.ip(), tally, BlockedAttempt::plus);
          }
        });
    List<BlockedAttempt> all = new ArrayList<>(byIp.values());
    all.sort(Comparator.comparing(BlockedAttempt::lastSeen).reversed());
    return all.size() <= limit ? all : List.copyOf(all.subList(0, limit));
  }

  private void write(long accountId, BlockedAttempt tally) {
    int updated = update(accountId, tally);
    if (updated == 0) {
      try {
        jdbc.sql(
                "INSERT INTO blocked_attempts (account_id, ip, attempts, first_seen, last_seen)"
                    + " VALUES (?, ?, ?, ?, ?)")
            .params(
                accountId,
                tally.ip(),
                tally.attempts(),
                AllowlistRepository.utc(tally.firstSeen()),
                AllowlistRepository.utc(tally.lastSeen()))
            .update();
      } catch (org.springframework.dao.DuplicateKeyException e) {
        // Another node inserted the row meanwhile.
        update(accountId, tally);
      }
    }
  }

  private int update(long accountId, BlockedAttempt tally) {
    return jdbc.sql(
            "UPDATE blocked_attempts SET attempts = attempts + ?,"
                + " last_seen = CASE WHEN last_seen > ? THEN last_seen ELSE ? END"
                + " WHERE account_id = ? AND ip = ?")
        .params(
            tally.attempts(),
            AllowlistRepository.utc(tally.lastSeen()),
            AllowlistRepository.utc(tally.lastSeen()),
            accountId,
            tally.ip())
        .update();
  }
}
