package dev.gatehouse.bench;

import dev.gatehouse.core.IpBlock;
import java.util.ArrayList;
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
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * One lookup of a peer literal in a list of Spring Security {@link IpAddressMatcher}s, the way a
 * Spring application checks an allowlist today: try each matcher until one matches. Each matcher
 * parses the peer literal again. Sizes stop at 10,000: at 100,000 one lookup takes milliseconds and
 * the run would take hours without telling anything new (the cost is linear).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class SpringListLookupBenchmark {

  @Param({"20", "1000", "10000"})
  public int size;

  @Param({"IPV4", "IPV6", "MIXED"})
  public ListFamily family;

  private List<IpAddressMatcher> matchers;
  private String[] probes;
  private int next;

  @Setup
  public void setUp() {
    AllowlistData data = AllowlistData.generate(family, size);
    matchers = build(data.blocks);
    probes = data.probes;
    LookupCheck.verify(data, this::contains);
  }

  static List<IpAddressMatcher> build(List<IpBlock> blocks) {
    List<IpAddressMatcher> matchers = new ArrayList<>(blocks.size());
    for (IpBlock block : blocks) {
      matchers.add(new IpAddressMatcher(block.toString()));
    }
    return matchers;
  }

  private boolean contains(String probe) {
    for (IpAddressMatcher matcher : matchers) {
      if (matcher.matches(probe)) {
        return true;
      }
    }
    return false;
  }

  @Benchmark
  public boolean lookup() {
    return contains(probes[next++ & (AllowlistData.PROBE_COUNT - 1)]);
  }
}
