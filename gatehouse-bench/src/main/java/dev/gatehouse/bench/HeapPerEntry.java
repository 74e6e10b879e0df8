package dev.gatehouse.bench;

import dev.gatehouse.core.AllowlistMatcher;
import java.util.Locale;
import java.util.function.Function;
import org.openjdk.jol.info.GraphLayout;

/**
 * Prints the heap per allowlist entry of each implementation for the same seeded lists as the
 * lookup benchmarks, measured with JOL's object graph walk ({@link GraphLayout#totalSize()}: every
 * object reachable from the structure, with headers and padding, on this JVM's layout). The blocks
 * the lists were built from are not counted: a caller may drop them after building.
 *
 * <p>Two figures per cell: total bytes / entries, and in brackets the marginal cost, (total at this
 * size - total at 20 entries) / (entries - 20), which leaves out fixed costs and state shared with
 * the rest of the JVM that the graph walk reaches (the IPAddress library's network objects and
 * caches).
 *
 * <p>Run: {@code java -cp gatehouse-bench/target/benchmarks.jar dev.gatehouse.bench.HeapPerEntry}
 */
public final class HeapPerEntry {

  private static final int[] SIZES = {20, 1_000, 10_000, 100_000};
  private static final int SPRING_MAX = 10_000;

  private HeapPerEntry() {}

  public static void main(String[] args) {
    System.out.println(
        "| list | entries | merged ranges | Gatehouse B/entry (marginal)"
            + " | IPAddress trie B/entry (marginal) | Spring list B/entry (marginal) |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    for (ListFamily family : ListFamily.values()) {
      long[] base = new long[3];
      for (int size : SIZES) {
        AllowlistData data = AllowlistData.generate(family, size);
        AllowlistMatcher matcher = AllowlistMatcher.of(data.blocks);
        String ours = measure(data, size, base, 0, AllowlistMatcher::of);
        String trie = measure(data, size, base, 1, IpAddressTrieLookupBenchmark::build);
        String spring =
            size <= SPRING_MAX
                ? measure(data, size, base, 2, SpringListLookupBenchmark::build)
                : "not measured";
        System.out.printf(
            Locale.ROOT,
            "| %s | %,d | %,d | %s | %s | %s |%n",
            family,
            size,
            matcher.rangeCount(),
            ours,
            trie,
            spring);
      }
    }
  }

  private static String measure(
      AllowlistData data,
      int size,
      long[] base,
      int column,
      Function<java.util.List<dev.gatehouse.core.IpBlock>, Object> build) {
    long total = GraphLayout.parseInstance(build.apply(data.blocks)).totalSize();
    if (size == SIZES[0]) {
      base[column] = total;
      return String.format(Locale.ROOT, "%.1f", (double) total / size);
    }
    double marginal = (double) (total - base[column]) / (size - SIZES[0]);
    return String.format(Locale.ROOT, "%.1f (%.1f)", (double) total / size, marginal);
  }
}
