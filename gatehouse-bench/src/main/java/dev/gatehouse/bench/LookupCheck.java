package dev.gatehouse.bench;

import dev.gatehouse.core.AllowlistMatcher;
import dev.gatehouse.core.IpAddress;
import java.util.function.Predicate;

/**
 * Makes sure an implementation answers like the obvious reference (some block contains the address)
 * before it is timed, so that no benchmark measures wrong answers, and that the probes mix hits and
 * misses.
 */
final class LookupCheck {

  /** Probes checked against the reference; the reference is slow on long lists. */
  private static final int CHECKED_PROBES = 64;

  private LookupCheck() {}

  static void verify(AllowlistData data, Predicate<String> candidate) {
    for (int i = 0; i < CHECKED_PROBES; i++) {
      String probe = data.probes[i];
      IpAddress address = IpAddress.parse(probe);
      boolean expected = data.blocks.stream().anyMatch(b -> b.contains(address));
      if (candidate.test(probe) != expected) {
        throw new IllegalStateException("wrong answer for " + probe + ", expected " + expected);
      }
    }
    AllowlistMatcher matcher = AllowlistMatcher.of(data.blocks);
    int hits = 0;
    for (String probe : data.probes) {
      hits += matcher.matches(probe) ? 1 : 0;
    }
    if (hits < data.probes.length / 4 || hits > data.probes.length * 3 / 4) {
      throw new IllegalStateException("probes must mix hits and misses; hits: " + hits);
    }
  }
}
