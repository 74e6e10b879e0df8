package dev.gatehouse.server.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts failed API token authentications per client IP in memory and refuses an IP that has failed
 * too often within a fixed window, until that window ends. Generated tokens are far too long to
 * guess; this keeps scanners and misconfigured scripts from hammering the token lookup and the
 * logs. A correct token from a refused IP waits like any other until the window ends (letting it
 * through would tell a guesser which guess was right). The default, 60 failures a minute, is far
 * above what a script with a stale token produces and far below what guessing would need.
 *
 * <p>Memory is bounded: windows that ended are dropped, and when more than {@link #MAX_TRACKED} IPs
 * are tracked the oldest windows are dropped first.
 */
@Component
class FailedAuthenticationLimiter {

  static final int MAX_TRACKED = 10_000;

  private final int maxFailures;
  private final Duration window;
  private final Clock clock;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  FailedAuthenticationLimiter(
      @Value("${gatehouse.api.failed-auth.max-failures:60}") int maxFailures,
      @Value("${gatehouse.api.failed-auth.window:60s}") Duration window,
      ObjectProvider<Clock> clock) {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("gatehouse.api.failed-auth.max-failures must be >= 1");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("gatehouse.api.failed-auth.window must be positive");
    }
    this.maxFailures = maxFailures;
    this.window = window;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /**
   * How long the IP must wait before authenticating again, or empty when it may try now.
   *
   * @param clientIp the client IP as the server sees it
   */
  Optional<Duration> retryAfter(String clientIp) {
    Window current = windows.get(clientIp);
    Instant now = clock.instant();
    if (current == null || !current.end().isAfter(now)) {
      return Optional.empty();
    }
    if (current.failures() < maxFailures) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, current.end()));
  }

  /** Records a failed authentication from the IP. */
  void recordFailure(String clientIp) {
    Instant now = clock.instant();
    windows.compute(
        clientIp,
        (ip, current) ->
            current == null || !current.end().isAfter(now)
                ? new Window(now.plus(window), 1)
                : new Window(current.end(), current.failures() + 1));
    if (windows.size() > MAX_TRACKED) {
      evict(now);
    }
  }

  int trackedIps() {
    return windows.size();
  }

  private void evict(Instant now) {
    windows.values().removeIf(w -> !w.end().isAfter(now));
    if (windows.size() > MAX_TRACKED) {
      // Still full of live windows (a wide scan): forget the ones that end soonest.
      windows.entrySet().stream()
          .sorted(java.util.Map.Entry.comparingByValue(java.util.Comparator.comparing(Window::end)))
          .limit(windows.size() - MAX_TRACKED / 2L)
          .map(java.util.Map.Entry::getKey)
          .toList()
          .forEach(windows::remove);
    }
  }

  private record Window(Instant end, int failures) {}
}
