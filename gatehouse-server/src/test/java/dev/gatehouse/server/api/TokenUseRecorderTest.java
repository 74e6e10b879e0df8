package dev.gatehouse.server.api;

import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.gatehouse.server.testsupport.MutableClock;
import dev.gatehouse.server.token.ApiTokenService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class TokenUseRecorderTest {

  final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
  final ApiTokenService tokens = mock(ApiTokenService.class);

  TokenUseRecorder recorder() {
    var beans = new StaticListableBeanFactory();
    beans.addBean("clock", clock);
    return new TokenUseRecorder(tokens, beans.getBeanProvider(Clock.class));
  }

  @Test
  void recordUseWhenCalledOftenWithinAMinuteThenOneWrite() {
    var recorder = recorder();
    for (int i = 0; i < 100; i++) {
      recorder.recordUse(7);
      clock.advance(Duration.ofMillis(500));
    }
    verify(tokens, times(1)).markUsed(7);
  }

  @Test
  void recordUseWhenAMinutePassedThenWrittenAgain() {
    var recorder = recorder();
    recorder.recordUse(7);
    clock.advance(Duration.ofSeconds(59));
    recorder.recordUse(7);
    clock.advance(Duration.ofSeconds(1));
    recorder.recordUse(7);
    verify(tokens, times(2)).markUsed(7);
  }

  @Test
  void recordUseKeepsTokensApart() {
    var recorder = recorder();
    recorder.recordUse(7);
    recorder.recordUse(8);
    verify(tokens, times(1)).markUsed(7);
    verify(tokens, times(1)).markUsed(8);
  }

  @Test
  void recordUseWhenWriteFailsThenRequestIsNotFailed() {
    doThrow(new IllegalStateException("database down")).when(tokens).markUsed(9);
    recorder().recordUse(9);
    verify(tokens, times(1)).markUsed(9);
  }
}
