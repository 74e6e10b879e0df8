package dev.gatehouse.server.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

  record StoredUser(long id, String email, String passwordHash, Instant createdAt) {
    UserAccount toUserAccount() {
      return new UserAccount(id, email, createdAt);
    }
  }

  private final JdbcClient jdbc;

  UserRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<StoredUser> findByEmail(String normalizedEmail) {
    return jdbc.sql("SELECT id, email, password_hash, created_at FROM users WHERE email = ?")
        .param(normalizedEmail)
        .query(UserRepository::map)
        .optional();
  }

  Optional<StoredUser> findById(long id) {
    return jdbc.sql("SELECT id, email, password_hash, created_at FROM users WHERE id = ?")
        .param(id)
        .query(UserRepository::map)
        .optional();
  }

  long insert(String normalizedEmail, String passwordHash, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO users (email, password_hash, created_at) VALUES (?, ?, ?)")
        .params(normalizedEmail, passwordHash, now.atOffset(ZoneOffset.UTC))
        .update(keys, "id");
    return keys.getKeyAs(Long.class);
  }

  void updatePasswordHash(long id, String passwordHash) {
    jdbc.sql("UPDATE users SET password_hash = ? WHERE id = ?").params(passwordHash, id).update();
  }

  private static StoredUser map(ResultSet rs, int row) throws SQLException {
    return new StoredUser(
        rs.getLong("id"),
        rs.getString("email"),
        rs.getString("password_hash"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }
}
