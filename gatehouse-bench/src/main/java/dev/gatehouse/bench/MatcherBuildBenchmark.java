package dev.gatehouse.bench;

import dev.gatehouse.core.AllowlistMatcher;
import dev.gatehouse.core.IpBlock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Building an {@link AllowlistMatcher} from unsorted blocks: what every change or expiry costs. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class MatcherBuildBenchmark {

  @Param({"1000", "10000", "100000"})
  public int size;

  @Param({"IPV4", "IPV6", "MIXED"})
  public ListFamily family;

  private List<IpBlock> blocks;

  @Setup
  public void setUp() {
    blocks = AllowlistData.generate(family, size).blocks;
  }

  @Benchmark
  public AllowlistMatcher build() {
    return AllowlistMatcher.of(blocks);
  }
}
