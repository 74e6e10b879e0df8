package dev.gatehouse.server.allowlist;

import dev.gatehouse.core.IpBlock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for policies and entries. Callers provide the transaction. */
@Repository
class AllowlistRepository {

  /** A policy row; an account without one is off at version 0. */
  record PolicyRow(boolean enabled, long version) {
    static final PolicyRow NONE = new PolicyRow(false, 0);
  }

  private final JdbcClient jdbc;

  AllowlistRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Locks the account's row until the transaction ends, serialising every change to one account's
   * policy across threads, nodes and the break-glass command.
   *
   * @return false when the account does not exist
   */
  boolean lockAccount(long accountId) {
    return jdbc.sql("SELECT id FROM accounts WHERE id = ? FOR UPDATE")
        .param(accountId)
        .query(Long.class)
        .optional()
        .isPresent();
  }

  Optional<Long> findAccountIdBySlug(String slug) {
    return jdbc.sql("SELECT id FROM accounts WHERE slug = ?")
        .param(slug)
        .query(Long.class)
        .optional();
  }

  PolicyRow policy(long accountId) {
    return jdbc.sql("SELECT enabled, version FROM allowlist_policies WHERE account_id = ?")
        .param(accountId)
        .query((rs, n) -> new PolicyRow(rs.getBoolean("enabled"), rs.getLong("version")))
        .optional()
        .orElse(PolicyRow.NONE);
  }

  /** Every stored policy version, for the periodic check of cached copies. */
  Map<Long, Long> versions() {
    return jdbc
        .sql("SELECT account_id, version FROM allowlist_policies")
        .query((rs, n) -> Map.entry(rs.getLong("account_id"), rs.getLong("version")))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /**
   * Sets the toggle and increases the version; creates the policy row when missing. The caller
   * holds the account lock, so the read-then-insert cannot race.
   *
   * @return the new version
   */
  long savePolicy(long accountId, boolean enabled, Instant now) {
    int updated =
        jdbc.sql(
                "UPDATE allowlist_policies SET enabled = ?, version = version + 1, updated_at = ?"
                    + " WHERE account_id = ?")
            .params(enabled, utc(now), accountId)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO allowlist_policies (account_id, enabled, version, updated_at)"
                  + " VALUES (?, ?, 1, ?)")
          .params(accountId, enabled, utc(now))
          .update();
    }
    return policy(accountId).version();
  }

  /** The account's entries, oldest first. */
  List<AllowlistEntry> entries(long accountId) {
    return jdbc.sql(
            "SELECT id, address, label, expires_at, created_at, created_by FROM allowlist_entries"
                + " WHERE account_id = ? ORDER BY created_at, id")
        .param(accountId)
        .query(AllowlistRepository::mapEntry)
        .list();
  }

  AllowlistEntry insert(
      long accountId,
      IpBlock block,
      @Nullable String label,
      @Nullable Instant expiresAt,
      Instant createdAt,
      String createdBy) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO allowlist_entries"
                + " (account_id, address, label, expires_at, created_at, created_by)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(
            accountId,
            block.toString(),
            label,
            expiresAt == null ? null : utc(expiresAt),
            utc(createdAt),
            createdBy)
        .update(keys, "id");
    long id = Objects.requireNonNull(keys.getKey(), "generated id").longValue();
    return new AllowlistEntry(id, block, label, expiresAt, createdAt, createdBy);
  }

  int delete(long accountId, Collection<Long> ids) {
    int deleted = 0;
    for (long id : ids) {
      deleted +=
          jdbc.sql("DELETE FROM allowlist_entries WHERE account_id = ? AND id = ?")
              .params(accountId, id)
              .update();
    }
    return deleted;
  }

  /** Accounts with at least one entry whose expiry is at or before {@code now}. */
  List<Long> accountsWithExpiredEntries(Instant now) {
    return jdbc.sql(
            "SELECT DISTINCT account_id FROM allowlist_entries"
                + " WHERE expires_at IS NOT NULL AND expires_at <= ?")
        .param(utc(now))
        .query(Long.class)
        .list();
  }

  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static AllowlistEntry mapEntry(ResultSet rs, int rowNum) throws SQLException {
    OffsetDateTime expiresAt = rs.getObject("expires_at", OffsetDateTime.class);
    return new AllowlistEntry(
        rs.getLong("id"),
        IpBlock.parse(rs.getString("address")),
        rs.getString("label"),
        expiresAt == null ? null : expiresAt.toInstant(),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getString("created_by"));
  }
}
