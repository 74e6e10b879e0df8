package dev.gatehouse.server.allowlist;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * Immediate news of policy changes between nodes sharing a PostgreSQL database: a change sends
 * {@code NOTIFY gatehouse_allowlist, '<account id>'} in its own transaction (so it is delivered on
 * commit, and never for a rolled-back change), and every serving node listens on a connection of
 * its own and reloads the notified account. Notifications can be lost (a dropped listening
 * connection), so the periodic version check stays the backstop. On H2 (one node) this does
 * nothing.
 */
@Component
class PolicyChangeChannel {

  static final String CHANNEL = "gatehouse_allowlist";

  private static final Logger log = LoggerFactory.getLogger(PolicyChangeChannel.class);

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private volatile Boolean postgres;

  PolicyChangeChannel(DataSource dataSource, JdbcClient jdbc) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
  }

  boolean isPostgres() {
    Boolean known = postgres;
    if (known == null) {
      try {
        String product =
            JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        known = "PostgreSQL".equals(product);
      } catch (Exception e) {
        return false;
      }
      postgres = known;
    }
    return known;
  }

  /** Announces a change to other nodes; call inside the change's transaction. */
  void announce(long accountId) {
    if (isPostgres()) {
      jdbc.sql("SELECT pg_notify(?, ?)")
          .params(CHANNEL, Long.toString(accountId))
          .query()
          .listOfRows();
    }
  }

  /** Opens a connection that listens on the channel. */
  Listener listen() throws SQLException {
    Connection connection = dataSource.getConnection();
    try (Statement statement = connection.createStatement()) {
      statement.execute("LISTEN " + CHANNEL);
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      return new Listener(connection, connection.unwrap(PGConnection.class));
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** A listening connection. */
  static final class Listener implements AutoCloseable {
    private final Connection connection;
    private final PGConnection pg;

    private Listener(Connection connection, PGConnection pg) {
      this.connection = connection;
      this.pg = pg;
    }

    /**
     * Waits up to the timeout for notifications and calls the handler with each notified account id
     * (malformed payloads are skipped).
     */
    void await(int timeoutMillis, java.util.function.LongConsumer handler) throws SQLException {
      PGNotification[] notifications = pg.getNotifications(timeoutMillis);
      if (notifications == null) {
        return;
      }
      for (PGNotification notification : notifications) {
        try {
          handler.accept(Long.parseLong(notification.getParameter()));
        } catch (NumberFormatException e) {
          log.debug("Ignoring notification with payload {}", notification.getParameter());
        }
      }
    }

    @Override
    public void close() {
      try {
        connection.close();
      } catch (SQLException e) {
        log.debug("Closing the listening connection failed: {}", e.toString());
      }
    }
  }
}
