package dev.gatehouse.bench;

import dev.gatehouse.core.AllowlistMatcher;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.format.util.DualIPv4v6Tries;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * A cross-check of the JMH lookup benchmarks for machines shared with other work: the three
 * implementations run by turns in one JVM (one round = a chunk of lookups with each), and each
 * chunk is timed in thread CPU time, which does not count the time the thread waits for a core.
 * Load on the machine then affects every implementation alike, and the ratios stay stable where
 * JMH's wall-clock scores drift with the load between one benchmark and the next. Same seeded lists
 * and probes as the JMH benchmarks; lookup includes parsing the peer literal.
 *
 * <p>Each chunk runs about 20 ms; 5 warm-up rounds, then the median of 15 measured rounds.
 *
 * <p>Run: {@code java -cp gatehouse-bench/target/benchmarks.jar
 * dev.gatehouse.bench.InterleavedComparison}
 */
public final class InterleavedComparison {

  private static final int WARMUP_ROUNDS = 5;
  private static final int ROUNDS = 15;
  private static final long CHUNK_NANOS = 20_000_000L;
  private static final int MASK = AllowlistData.PROBE_COUNT - 1;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Keeps the JIT from discarding the lookups. */
  private static long sink;

  private InterleavedComparison() {}

  public static void main(String[] args) {
    System.out.println(
        "| list | entries | Gatehouse | IPAddress trie | Spring list"
            + " | trie ÷ Gatehouse | Spring ÷ Gatehouse |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    for (ListFamily family : ListFamily.values()) {
      for (int size : new int[] {20, 1_000, 10_000, 100_000}) {
        compare(family, size);
      }
    }
    System.out.println("(sink " + sink + ")");
  }

  private static void compare(ListFamily family, int size) {
    AllowlistData data = AllowlistData.generate(family, size);
    AllowlistMatcher matcher = AllowlistMatcher.of(data.blocks);
    DualIPv4v6Tries tries = IpAddressTrieLookupBenchmark.build(data.blocks);
    List<IpAddressMatcher> spring =
        size <= 10_000 ? SpringListLookupBenchmark.build(data.blocks) : null;
    String[] probes = data.probes;
    int implementations = spring == null ? 2 : 3;
    int[] ops = new int[implementations];
    Arrays.fill(ops, 1);
    double[][] nanosPerOp = new double[implementations][ROUNDS];
    for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
      for (int impl = 0; impl < implementations; impl++) {
        long start = THREADS.getCurrentThreadCpuTime();
        sink +=
            switch (impl) {
              case 0 -> runGatehouse(matcher, probes, ops[impl]);
              case 1 -> runTrie(tries, probes, ops[impl]);
              default -> runSpring(spring, probes, ops[impl]);
            };
        long elapsed = THREADS.getCurrentThreadCpuTime() - start;
        if (round >= 0) {
          nanosPerOp[impl][round] = (double) elapsed / ops[impl];
        } else {
          // Calibrate during warm-up so that a chunk takes about CHUNK_NANOS.
          double perOp = Math.max(1.0, (double) elapsed / ops[impl]);
          ops[impl] = (int) Math.max(1, Math.min(50_000_000, CHUNK_NANOS / perOp));
        }
      }
    }
    double ours = median(nanosPerOp[0]);
    double trie = median(nanosPerOp[1]);
    String springCell = spring == null ? "not run" : format(median(nanosPerOp[2]));
    String springRatio =
        spring == null ? "–" : String.format(Locale.ROOT, "%,.0f×", median(nanosPerOp[2]) / ours);
    System.out.printf(
        Locale.ROOT,
        "| %s | %,d | %s | %s | %s | %,.0f× | %s |%n",
        family,
        size,
        format(ours),
        format(trie),
        springCell,
        trie / ours,
        springRatio);
  }

  private static int runGatehouse(AllowlistMatcher matcher, String[] probes, int ops) {
    int hits = 0;
    for (int i = 0; i < ops; i++) {
      hits += matcher.matches(probes[i & MASK]) ? 1 : 0;
    }
    return hits;
  }

  private static int runTrie(DualIPv4v6Tries tries, String[] probes, int ops) {
    int hits = 0;
    for (int i = 0; i < ops; i++) {
      hits += tries.elementContains(new IPAddressString(probes[i & MASK]).getAddress()) ? 1 : 0;
    }
    return hits;
  }

  private static int runSpring(List<IpAddressMatcher> matchers, String[] probes, int ops) {
    int hits = 0;
    for (int i = 0; i < ops; i++) {
      String probe = probes[i & MASK];
      for (IpAddressMatcher matcher : matchers) {
        if (matcher.matches(probe)) {
          hits++;
          break;
        }
      }
    }
    return hits;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private static String format(double nanos) {
    if (nanos >= 1_000_000) {
      return String.format(Locale.ROOT, "%,.2f ms", nanos / 1_000_000);
    }
    if (nanos >= 1_000) {
      return String.format(Locale.ROOT, "%,.2f µs", nanos / 1_000);
    }
    return String.format(Locale.ROOT, "%,.1f ns", nanos);
  }
}
