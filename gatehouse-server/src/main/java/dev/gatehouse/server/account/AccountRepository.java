package dev.gatehouse.server.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

  record MemberRow(long userId, String email, Role role, Instant since) {}

  private final JdbcClient jdbc;

  AccountRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Account> findBySlug(String slug) {
    return jdbc.sql("SELECT id, slug, name FROM accounts WHERE slug = ?")
        .param(slug)
        .query(AccountRepository::mapAccount)
        .optional();
  }

  Optional<Account> findById(long id) {
    return jdbc.sql("SELECT id, slug, name FROM accounts WHERE id = ?")
        .param(id)
        .query(AccountRepository::mapAccount)
        .optional();
  }

  long insert(String slug, String name, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO accounts (slug, name, created_at) VALUES (?, ?, ?)")
        .params(slug, name, now.atOffset(ZoneOffset.UTC))
        .update(keys, "id");
    return keys.getKeyAs(Long.class);
  }

  Optional<Role> roleOf(long accountId, long userId) {
    return jdbc.sql("SELECT role FROM memberships WHERE account_id = ? AND user_id = ?")
        .params(accountId, userId)
        .query((rs, row) -> Role.valueOf(rs.getString("role")))
        .optional();
  }

  List<AccountMembership> membershipsOf(long userId) {
    return jdbc.sql(
            """
            SELECT a.id, a.slug, a.name, m.role FROM memberships m
            JOIN accounts a ON a.id = m.account_id
            WHERE m.user_id = ? ORDER BY a.name, a.slug""")
        .param(userId)
        .query(
            (rs, row) ->
                new AccountMembership(mapAccount(rs, row), Role.valueOf(rs.getString("role"))))
        .list();
  }

  List<MemberRow> members(long accountId) {
    return jdbc.sql(
            """
            SELECT u.id, u.email, m.role, m.created_at FROM memberships m
            JOIN users u ON u.id = m.user_id
            WHERE m.account_id = ? ORDER BY u.email""")
        .param(accountId)
        .query(
            (rs, row) ->
                new MemberRow(
                    rs.getLong("id"),
                    rs.getString("email"),
                    Role.valueOf(rs.getString("role")),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  void insertMembership(long accountId, long userId, Role role, Instant now) {
    jdbc.sql("INSERT INTO memberships (account_id, user_id, role, created_at) VALUES (?, ?, ?, ?)")
        .params(accountId, userId, role.name(), now.atOffset(ZoneOffset.UTC))
        .update();
  }

  int updateRole(long accountId, long userId, Role role) {
    return jdbc.sql("UPDATE memberships SET role = ? WHERE account_id = ? AND user_id = ?")
        .params(role.name(), accountId, userId)
        .update();
  }

  int deleteMembership(long accountId, long userId) {
    return jdbc.sql("DELETE FROM memberships WHERE account_id = ? AND user_id = ?")
        .params(accountId, userId)
        .update();
  }

  /**
   * Locks the account's row until the transaction ends, so that concurrent membership changes of
   * one account are serialised (the "at least one admin" rule reads, then writes).
   */
  void lockAccount(long accountId) {
    jdbc.sql("SELECT id FROM accounts WHERE id = ? FOR UPDATE")
        .param(accountId)
        .query(Long.class)
        .optional();
  }

  int countAdmins(long accountId) {
    return jdbc.sql("SELECT COUNT(*) FROM memberships WHERE account_id = ? AND role = 'ADMIN'")
        .param(accountId)
        .query(Integer.class)
        .single();
  }

  private static Account mapAccount(ResultSet rs, int row) throws SQLException {
    return new Account(rs.getLong("id"), rs.getString("slug"), rs.getString("name"));
  }
}
