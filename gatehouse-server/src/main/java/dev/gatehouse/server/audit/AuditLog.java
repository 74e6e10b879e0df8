package dev.gatehouse.server.audit;

import dev.gatehouse.server.account.AccountAccess;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The per-account audit log: who changed what, when, and from which IP.
 *
 * <p>{@link #record} joins the caller's transaction when there is one, so a change and its audit
 * event commit or roll back together. Actions in use: {@code allowlist.enabled}, {@code
 * allowlist.disabled}, {@code allowlist.break_glass}, {@code entry.added}, {@code entry.removed},
 * {@code entry.expired}; other features add their own ({@code member.added}, {@code token.created}
 * ...).
 */
@Component
public class AuditLog {

  /** The actor name for changes made by the server itself or by an operator on the host. */
  public static final String SYSTEM_ACTOR = "system";

  /** The actor IP recorded for commands run on the server host. */
  public static final String LOCAL_ACTOR_IP = "local";

  /** The most events {@link #newestFirst} returns in one call. */
  public static final int MAX_LIMIT = 1000;

  static final int MAX_ACTOR_LENGTH = 320;
  static final int MAX_ACTOR_IP_LENGTH = 64;
  static final int MAX_ACTION_LENGTH = 64;
  static final int MAX_DETAILS_LENGTH = 1000;

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditLog(JdbcClient jdbc, ObjectProvider<Clock> clock) {
    this.jdbc = jdbc;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /**
   * Appends an event stamped with the current time. Overlong values are cut to the column sizes
   * (actor 320, actor IP 64, details 1000 characters) rather than failing the change they record.
   *
   * @return the stored event
   */
  public AuditEvent record(
      long accountId, String actor, String actorIp, String action, String details) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(actorIp, "actorIp");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(details, "details");
    if (action.isEmpty() || action.length() > MAX_ACTION_LENGTH) {
      throw new IllegalArgumentException("action must be 1 to 64 characters: " + action);
    }
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    String storedActor = cut(actor, MAX_ACTOR_LENGTH);
    String storedIp = cut(actorIp, MAX_ACTOR_IP_LENGTH);
    String storedDetails = cut(details, MAX_DETAILS_LENGTH);
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO audit_events (account_id, occurred_at, actor, actor_ip, action, details)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(
            accountId,
            OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
            storedActor,
            storedIp,
            action,
            storedDetails)
        .update(keys, "id");
    long id = Objects.requireNonNull(keys.getKey(), "generated id").longValue();
    return new AuditEvent(id, accountId, at, storedActor, storedIp, action, storedDetails);
  }

  /**
   * Appends an event by the caller of an account-scoped request: the actor is the user's email or
   * the API token's name.
   *
   * @param actorIp the caller's client IP ({@code dev.gatehouse.server.web.ClientIp.text(request)})
   * @return the stored event
   */
  public AuditEvent record(AccountAccess access, String actorIp, String action, String details) {
    return record(access.accountId(), access.actor().name(), actorIp, action, details);
  }

  /**
   * The account's most recent events, newest first (ties broken by id, newest first).
   *
   * @param limit how many at most, 1 to {@link #MAX_LIMIT}
   */
  public List<AuditEvent> newestFirst(long accountId, int limit) {
    return newestFirst(accountId, 0, limit);
  }

  /**
   * One page of the account's events, newest first.
   *
   * @param offset how many of the newest events to skip, 0 or more
   * @param limit how many at most, 1 to {@link #MAX_LIMIT}
   */
  public List<AuditEvent> newestFirst(long accountId, int offset, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative: " + offset);
    }
    return jdbc.sql(
            "SELECT id, account_id, occurred_at, actor, actor_ip, action, details FROM audit_events"
                + " WHERE account_id = ? ORDER BY occurred_at DESC, id DESC"
                + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
        .params(accountId, offset, limit)
        .query(AuditLog::mapEvent)
        .list();
  }

  private static AuditEvent mapEvent(ResultSet rs, int rowNum) throws SQLException {
    return new AuditEvent(
        rs.getLong("id"),
        rs.getLong("account_id"),
        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        rs.getString("actor"),
        rs.getString("actor_ip"),
        rs.getString("action"),
        rs.getString("details"));
  }

  private static String cut(String value, int maxLength) {
    return value.length() <= maxLength ? value : value.substring(0, maxLength - 1) + "…";
  }
}
