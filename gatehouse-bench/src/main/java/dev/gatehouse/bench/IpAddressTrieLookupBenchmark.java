package dev.gatehouse.bench;

import dev.gatehouse.core.IpBlock;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.format.util.DualIPv4v6Tries;
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

/**
 * One lookup of a peer literal in the IPAddress library's {@link DualIPv4v6Tries} (one trie per
 * family): parse with {@link IPAddressString}, then {@code elementContains}, which answers whether
 * any block in the trie contains the address.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class IpAddressTrieLookupBenchmark {

  @Param({"20", "1000", "10000", "100000"})
  public int size;

  @Param({"IPV4", "IPV6", "MIXED"})
  public ListFamily family;

  private DualIPv4v6Tries tries;
  private String[] probes;
  private int next;

  @Setup
  public void setUp() {
    AllowlistData data = AllowlistData.generate(family, size);
    tries = build(data.blocks);
    probes = data.probes;
    LookupCheck.verify(data, this::contains);
  }

  static DualIPv4v6Tries build(List<IpBlock> blocks) {
    DualIPv4v6Tries tries = new DualIPv4v6Tries();
    for (IpBlock block : blocks) {
      tries.add(new IPAddressString(block.toString()).getAddress().toPrefixBlock());
    }
    return tries;
  }

  private boolean contains(String probe) {
    return tries.elementContains(new IPAddressString(probe).getAddress());
  }

  @Benchmark
  public boolean lookup() {
    return contains(probes[next++ & (AllowlistData.PROBE_COUNT - 1)]);
  }
}
