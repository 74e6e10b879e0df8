package dev.gatehouse.server.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs a warning at most once per interval, reporting how many were suppressed in between, so that
 * warnings triggered by requests cannot flood the log.
 */
final class RateLimitedLog {

  private final long intervalNanos;
  private final AtomicLong nextAllowedNanos;
  private final AtomicLong suppressed = new AtomicLong();

  RateLimitedLog(Duration interval) {
    this.intervalNanos = interval.toNanos();
    this.nextAllowedNanos = new AtomicLong(System.nanoTime());
  }

  void warn(Logger log, String message) {
    long now = System.nanoTime();
    long next = nextAllowedNanos.get();
    if (now - next >= 0 && nextAllowedNanos.compareAndSet(next, now + intervalNanos)) {
      long skipped = suppressed.getAndSet(0);
      if (skipped > 0) {
        log.warn("{} ({} similar warnings suppressed)", message, skipped);
      } else {
        log.warn("{}", message);
      }
    } else {
      suppressed.incrementAndGet();
    }
  }
}
