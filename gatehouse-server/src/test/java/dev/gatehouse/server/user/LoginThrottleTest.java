package dev.gatehouse.server.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final SettableClock clock = new SettableClock(Instant.parse("2026-12-04T10:00:00Z"));
  private final LoginThrottle throttle = new LoginThrottle(clock);

  @Test
  void fourFailuresForAnEmailThenStillAllowed() {
    failTimes(4, "10.0.0.1", "ada@acme.test");

    assertThat(throttle.blockedFor("10.0.0.1", "ada@acme.test")).isEmpty();
  }

  @Test
  void fifthFailureForAnEmailThenBlockedForFifteenMinutesFromAnyIp() {
    failTimes(5, "10.0.0.1", "ada@acme.test");

    assertThat(throttle.blockedFor("10.0.0.1", "ada@acme.test")).contains(Duration.ofMinutes(15));
    assertThat(throttle.blockedFor("192.0.2.9", "ADA@acme.test ")).contains(Duration.ofMinutes(15));
    assertThat(throttle.blockedFor("10.0.0.1", "max@acme.test")).isEmpty();
  }

  @Test
  void blockEndsWhenTheOldestFailureLeavesTheWindow() {
    fail("10.0.0.1", "ada@acme.test");
    clock.advance(Duration.ofMinutes(5));
    failTimes(4, "10.0.0.1", "ada@acme.test");

    assertThat(throttle.blockedFor("10.0.0.1", "ada@acme.test")).contains(Duration.ofMinutes(10));
    clock.advance(Duration.ofMinutes(10));
    assertThat(throttle.blockedFor("10.0.0.1", "ada@acme.test")).isEmpty();
  }

  @Test
  void twentyFailuresFromOneIpWithDifferentEmailsThenIpBlocked() {
    for (int i = 0; i < 20; i++) {
      fail("203.0.113.5", "user" + i + "@acme.test");
    }

    assertThat(throttle.blockedFor("203.0.113.5", "someone-new@acme.test"))
        .contains(Duration.ofMinutes(15));
    assertThat(throttle.blockedFor("203.0.113.6", "someone-new@acme.test")).isEmpty();
  }

  @Test
  void nineteenFailuresFromOneIpThenNotBlocked() {
    for (int i = 0; i < 19; i++) {
      fail("203.0.113.5", "user" + i + "@acme.test");
    }

    assertThat(throttle.blockedFor("203.0.113.5", "someone-new@acme.test")).isEmpty();
  }

  @Test
  void successClearsTheEmailButNotTheIp() {
    failTimes(4, "10.0.0.1", "ada@acme.test");
    for (int i = 0; i < 16; i++) {
      fail("10.0.0.1", "other" + i + "@acme.test");
    }
    throttle.recordSuccess("ada@acme.test");

    assertThat(throttle.blockedFor("10.0.0.2", "ada@acme.test")).isEmpty();
    assertThat(throttle.blockedFor("10.0.0.1", "ada@acme.test")).isPresent();
  }

  private void failTimes(int times, String ip, String email) {
    for (int i = 0; i < times; i++) {
      fail(ip, email);
    }
  }

  private void fail(String ip, String email) {
    throttle.recordFailure(ip, email);
  }

  private static final class SettableClock extends Clock {
    private Instant now;

    SettableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
