package dev.gatehouse.server.allowlist;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gatehouse.allowlist.*} settings.
 *
 * @param maxEntries the most entries one account may hold (1 to 100,000)
 * @param maxStaleness how long a node may enforce a restricted account's policy without having
 *     confirmed it against the database; after that its requests get 503 {@code policy_unavailable}
 * @param versionCheckInterval how often cached policies are compared with the database, which
 *     bounds how long a change made elsewhere (another node, the break-glass command) takes to
 *     apply
 */
@ConfigurationProperties("gatehouse.allowlist")
record AllowlistProperties(
    @DefaultValue("1000") int maxEntries,
    @DefaultValue("60s") Duration maxStaleness,
    @DefaultValue("1s") Duration versionCheckInterval) {

  /** The largest list the compiled matcher is built and measured for. */
  static final int MAX_ENTRIES_LIMIT = 100_000;

  AllowlistProperties {
    if (maxEntries < 1 || maxEntries > MAX_ENTRIES_LIMIT) {
      throw new IllegalArgumentException(
          "gatehouse.allowlist.max-entries must be between 1 and "
              + MAX_ENTRIES_LIMIT
              + ", not "
              + maxEntries);
    }
    if (maxStaleness.isNegative() || maxStaleness.isZero()) {
      throw new IllegalArgumentException("gatehouse.allowlist.max-staleness must be positive");
    }
    if (versionCheckInterval.isNegative() || versionCheckInterval.isZero()) {
      throw new IllegalArgumentException(
          "gatehouse.allowlist.version-check-interval must be positive");
    }
    if (versionCheckInterval.compareTo(maxStaleness) >= 0) {
      // Otherwise every restricted account would be refused with 503 between two checks.
      throw new IllegalArgumentException(
          "gatehouse.allowlist.version-check-interval ("
              + versionCheckInterval
              + ") must be shorter than gatehouse.allowlist.max-staleness ("
              + maxStaleness
              + ")");
    }
  }
}
