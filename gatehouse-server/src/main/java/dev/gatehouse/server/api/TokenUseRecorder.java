package dev.gatehouse.server.api;

import dev.gatehouse.server.token.ApiTokenService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Records a token's last use at most once a minute per token and node, so a busy script does not
 * turn every API call into a database write. The UI shows the last use to the minute anyway.
 */
@Component
class TokenUseRecorder {

  static final Duration INTERVAL = Duration.ofMinutes(1);

  private static final Logger log = LoggerFactory.getLogger(TokenUseRecorder.class);

  private final ApiTokenService tokens;
  private final Clock clock;
  private final ConcurrentHashMap<Long, Instant> lastRecorded = new ConcurrentHashMap<>();

  TokenUseRecorder(ApiTokenService tokens, ObjectProvider<Clock> clock) {
    this.tokens = tokens;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  void recordUse(long tokenId) {
    Instant now = clock.instant();
    Instant previous = lastRecorded.get(tokenId);
    if (previous != null && now.isBefore(previous.plus(INTERVAL))) {
      return;
    }
    // Only the thread that wins the swap writes; concurrent calls within the interval skip.
    boolean won =
        previous == null
            ? lastRecorded.putIfAbsent(tokenId, now) == null
            : lastRecorded.replace(tokenId, previous, now);
    if (!won) {
      return;
    }
    try {
      tokens.markUsed(tokenId);
    } catch (RuntimeException e) {
      // Losing a last-used time must never fail the request it describes.
      log.warn("Could not record the use of API token {}", tokenId, e);
    }
  }
}
