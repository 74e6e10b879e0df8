package dev.gatehouse.server.allowlist;

import java.time.Instant;

/**
 * Requests from one client IP refused by an account's IP policy, counted.
 *
 * @param ip the client IP, canonical text
 * @param attempts how many requests were refused
 * @param firstSeen the first refusal counted
 * @param lastSeen the latest refusal counted
 */
public record BlockedAttempt(String ip, long attempts, Instant firstSeen, Instant lastSeen) {

  BlockedAttempt plus(BlockedAttempt more) {
    return new BlockedAttempt(
        ip,
        attempts + more.attempts,
        firstSeen.isBefore(more.firstSeen) ? firstSeen : more.firstSeen,
        lastSeen.isAfter(more.lastSeen) ? lastSeen : more.lastSeen);
  }
}
