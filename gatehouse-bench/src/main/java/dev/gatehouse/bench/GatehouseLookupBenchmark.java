package dev.gatehouse.bench;

import dev.gatehouse.core.AllowlistMatcher;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** One lookup of a peer literal, parse included, in Gatehouse's {@link AllowlistMatcher}. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class GatehouseLookupBenchmark {

  @Param({"20", "1000", "10000", "100000"})
  public int size;

  @Param({"IPV4", "IPV6", "MIXED"})
  public ListFamily family;

  private AllowlistMatcher matcher;
  private String[] probes;
  private int next;

  @Setup
  public void setUp() {
    AllowlistData data = AllowlistData.generate(family, size);
    matcher = AllowlistMatcher.of(data.blocks);
    probes = data.probes;
    LookupCheck.verify(data, probe -> matcher.matches(probe));
  }

  @Benchmark
  public boolean lookup() {
    return matcher.matches(probes[next++ & (AllowlistData.PROBE_COUNT - 1)]);
  }
}
