package dev.gatehouse.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.server.testsupport.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class FailedAuthenticationLimiterTest {

  final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));

  FailedAuthenticationLimiter limiter(int maxFailures, Duration window) {
    var beans = new StaticListableBeanFactory();
    beans.addBean("clock", clock);
    return new FailedAuthenticationLimiter(maxFailures, window, beans.getBeanProvider(Clock.class));
  }

  @Test
  void retryAfterWhenUnderTheLimitThenEmpty() {
    var limiter = limiter(3, Duration.ofMinutes(1));
    limiter.recordFailure("192.0.2.1");
    limiter.recordFailure("192.0.2.1");
    assertThat(limiter.retryAfter("192.0.2.1")).isEmpty();
  }

  @Test
  void retryAfterWhenLimitReachedThenRestOfTheWindow() {
    var limiter = limiter(3, Duration.ofMinutes(1));
    limiter.recordFailure("192.0.2.1");
    clock.advance(Duration.ofSeconds(20));
    limiter.recordFailure("192.0.2.1");
    limiter.recordFailure("192.0.2.1");
    assertThat(limiter.retryAfter("192.0.2.1")).contains(Duration.ofSeconds(40));
    assertThat(limiter.retryAfter("192.0.2.2")).isEmpty();
  }

  @Test
  void retryAfterWhenWindowEndedThenEmptyAndCountingStartsOver() {
    var limiter = limiter(2, Duration.ofMinutes(1));
    limiter.recordFailure("2001:db8::1");
    limiter.recordFailure("2001:db8::1");
    clock.advance(Duration.ofMinutes(1));
    assertThat(limiter.retryAfter("2001:db8::1")).isEmpty();
    limiter.recordFailure("2001:db8::1");
    assertThat(limiter.retryAfter("2001:db8::1")).isEmpty();
  }

  @Test
  void recordFailureWhenManyIpsThenMemoryStaysBounded() {
    var limiter = limiter(2, Duration.ofMinutes(1));
    for (int i = 0; i < FailedAuthenticationLimiter.MAX_TRACKED + 500; i++) {
      limiter.recordFailure("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
    }
    limiter.recordFailure("192.0.2.1");
    limiter.recordFailure("192.0.2.1");
    assertThat(limiter.retryAfter("192.0.2.1")).isPresent();
    assertThat(limiter.trackedIps()).isLessThanOrEqualTo(FailedAuthenticationLimiter.MAX_TRACKED);
  }

  @Test
  void constructWhenLimitNotPositiveThenRejectedNamingTheKey() {
    assertThatThrownBy(() -> limiter(0, Duration.ofMinutes(1)))
        .hasMessageContaining("gatehouse.api.failed-auth.max-failures");
    assertThatThrownBy(() -> limiter(5, Duration.ZERO))
        .hasMessageContaining("gatehouse.api.failed-auth.window");
  }
}
