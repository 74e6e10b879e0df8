package dev.gatehouse.server.token;

import dev.gatehouse.server.account.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ApiTokenRepository {

  private static final String COLUMNS =
      "id, account_id, name, role, prefix, created_at, created_by, last_used_at, revoked_at";

  private final JdbcClient jdbc;

  ApiTokenRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      long accountId,
      String name,
      Role role,
      String tokenHash,
      String prefix,
      Instant now,
      String createdBy) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO api_tokens (account_id, name, role, token_hash, prefix, created_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(accountId, name, role.name(), tokenHash, prefix, utc(now), createdBy)
        .update(keys, "id");
    return keys.getKeyAs(Long.class);
  }

  boolean existsByHash(String tokenHash) {
    return jdbc.sql("SELECT COUNT(*) FROM api_tokens WHERE token_hash = ?")
            .param(tokenHash)
            .query(Integer.class)
            .single()
        > 0;
  }

  Optional<ApiTokenRecord> findActiveByHash(String tokenHash) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL")
        .param(tokenHash)
        .query(ApiTokenRepository::map)
        .optional();
  }

  Optional<ApiTokenRecord> find(long accountId, long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM api_tokens WHERE account_id = ? AND id = ?")
        .params(accountId, id)
        .query(ApiTokenRepository::map)
        .optional();
  }

  List<ApiTokenRecord> list(long accountId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM api_tokens WHERE account_id = ? ORDER BY created_at DESC, id DESC")
        .param(accountId)
        .query(ApiTokenRepository::map)
        .list();
  }

  int revoke(long accountId, long id, Instant now) {
    return jdbc.sql(
            "UPDATE api_tokens SET revoked_at = ? WHERE account_id = ? AND id = ? AND revoked_at IS NULL")
        .params(utc(now), accountId, id)
        .update();
  }

  void markUsed(long id, Instant now, Instant unlessUsedAfter) {
    jdbc.sql(
            """
            UPDATE api_tokens SET last_used_at = ?
            WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)""")
        .params(utc(now), id, utc(unlessUsedAfter))
        .update();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static ApiTokenRecord map(ResultSet rs, int row) throws SQLException {
    return new ApiTokenRecord(
        rs.getLong("id"),
        rs.getLong("account_id"),
        rs.getString("name"),
        Role.valueOf(rs.getString("role")),
        rs.getString("prefix"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getString("created_by"),
        instant(rs, "last_used_at"),
        instant(rs, "revoked_at"));
  }
}
