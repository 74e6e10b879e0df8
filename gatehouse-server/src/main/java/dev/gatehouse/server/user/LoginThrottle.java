package dev.gatehouse.server.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Throttles password guessing on the sign-in form: after {@value #MAX_FAILURES_PER_EMAIL} failed
 * sign-ins for one email, or {@value #MAX_FAILURES_PER_IP} from one client IP, within {@link
 * #WINDOW}, further attempts for that email or from that IP are refused without checking the
 * password until the oldest failure leaves the window.
 *
 * <p>Kept in memory, per node: a restart forgets it, and with several nodes each node counts on its
 * own (an attacker gets at most the limits times the number of nodes). A success clears the email's
 * failures, not the IP's, so one valid account cannot be used to reset an IP that sprays guesses.
 */
@Component
public class LoginThrottle {

  public static final int MAX_FAILURES_PER_EMAIL = 5;
  public static final int MAX_FAILURES_PER_IP = 20;
  public static final Duration WINDOW = Duration.ofMinutes(15);

  /** Bounds memory under a spray of distinct emails: beyond this, the oldest keys are dropped. */
  private static final int MAX_TRACKED_KEYS = 100_000;

  /** Expired keys are swept when a map grows past this, instead of by a timer. */
  private static final int PRUNE_THRESHOLD = 10_000;

  private final Map<String, Deque<Instant>> failuresByEmail = new ConcurrentHashMap<>();
  private final Map<String, Deque<Instant>> failuresByIp = new ConcurrentHashMap<>();
  private final Clock clock;

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /**
   * How long sign-in stays refused for this client IP or email; empty when an attempt may go ahead.
   */
  public Optional<Duration> blockedFor(String clientIp, String email) {
    Instant now = clock.instant();
    Duration byIp = wait(failuresByIp.get(clientIp), MAX_FAILURES_PER_IP, now);
    Duration byEmail = wait(failuresByEmail.get(normalize(email)), MAX_FAILURES_PER_EMAIL, now);
    Duration longest = byIp.compareTo(byEmail) >= 0 ? byIp : byEmail;
    return longest.isZero() ? Optional.empty() : Optional.of(longest);
  }

  public void recordFailure(String clientIp, String email) {
    Instant now = clock.instant();
    record(failuresByIp, clientIp, MAX_FAILURES_PER_IP, now);
    if (!email.isBlank()) {
      record(failuresByEmail, normalize(email), MAX_FAILURES_PER_EMAIL, now);
    }
  }

  public void recordSuccess(String email) {
    failuresByEmail.remove(normalize(email));
  }

  private static Duration wait(Deque<Instant> failures, int limit, Instant now) {
    if (failures == null) {
      return Duration.ZERO;
    }
    synchronized (failures) {
      dropBefore(failures, now.minus(WINDOW));
      if (failures.size() < limit) {
        return Duration.ZERO;
      }
      // Refused until the oldest counted failure leaves the window.
      return Duration.between(now, failures.peekFirst().plus(WINDOW));
    }
  }

  private static void record(Map<String, Deque<Instant>> map, String key, int limit, Instant now) {
    if (map.size() >= PRUNE_THRESHOLD && !map.containsKey(key)) {
      prune(map, now.minus(WINDOW));
      if (map.size() >= MAX_TRACKED_KEYS) {
        // Under a flood of distinct keys, forgetting is the only bounded choice.
        map.clear();
      }
    }
    Deque<Instant> failures = map.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (failures) {
      dropBefore(failures, now.minus(WINDOW));
      failures.addLast(now);
      while (failures.size() > limit) {
        failures.removeFirst();
      }
    }
  }

  private static void prune(Map<String, Deque<Instant>> map, Instant cutoff) {
    map.entrySet()
        .removeIf(
            entry -> {
              Deque<Instant> failures = entry.getValue();
              synchronized (failures) {
                dropBefore(failures, cutoff);
                return failures.isEmpty();
              }
            });
  }

  private static void dropBefore(Deque<Instant> failures, Instant cutoff) {
    while (!failures.isEmpty() && !failures.peekFirst().isAfter(cutoff)) {
      failures.removeFirst();
    }
  }

  private static String normalize(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}
