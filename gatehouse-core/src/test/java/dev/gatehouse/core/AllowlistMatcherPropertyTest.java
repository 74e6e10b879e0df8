package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/** The matcher against the obviously correct reference: "some block contains the address". */
class AllowlistMatcherPropertyTest {

  @Property(tries = 500)
  void matcherAgreesWithBruteForceOnBlockBoundariesAndRandomProbes(
      @ForAll("blockLists") List<IpBlock> blocks, @ForAll("probeLists") List<IpAddress> probes) {
    AllowlistMatcher matcher = AllowlistMatcher.of(blocks);
    List<IpAddress> all = new ArrayList<>(probes);
    for (IpBlock block : blocks) {
      all.addAll(boundaryProbes(block));
    }
    for (IpAddress probe : all) {
      boolean expected = blocks.stream().anyMatch(b -> b.contains(probe));
      assertThat(matcher.matches(probe)).as("%s in %s", probe, blocks).isEqualTo(expected);
      assertThat(matcher.matches(probe.toString())).as("text %s", probe).isEqualTo(expected);
      if (probe.family() == IpFamily.IPV4) {
        assertThat(matcher.matches("::ffff:" + probe)).as("mapped %s", probe).isEqualTo(expected);
        assertThat(matcher.matches(IpAddress.ofIpv6(0, 0xffff_0000_0000L | probe.low())))
            .isEqualTo(expected);
      }
    }
  }

  @Property(tries = 25)
  void matcherAgreesWithBruteForceOnLongListsWithLargeAndPackedBlocks(
      @ForAll("longBlockLists") List<IpBlock> blocks,
      @ForAll("probeLists") List<IpAddress> probes) {
    AllowlistMatcher matcher = AllowlistMatcher.of(blocks);
    List<IpAddress> all = new ArrayList<>(probes);
    for (IpBlock block : blocks) {
      all.addAll(boundaryProbes(block));
    }
    for (IpAddress probe : all) {
      boolean expected = blocks.stream().anyMatch(b -> b.contains(probe));
      assertThat(matcher.matches(probe)).as("%s", probe).isEqualTo(expected);
    }
  }

  @Property(tries = 200)
  void rangeCountNeverExceedsDistinctBlockCount(@ForAll("blockLists") List<IpBlock> blocks) {
    AllowlistMatcher matcher = AllowlistMatcher.of(blocks);
    assertThat(matcher.rangeCount()).isLessThanOrEqualTo((int) blocks.stream().distinct().count());
    assertThat(matcher.isEmpty()).isEqualTo(blocks.isEmpty());
  }

  @Property(tries = 200)
  void matcherDoesNotDependOnTheOrderOfBlocks(
      @ForAll("blockLists") List<IpBlock> blocks, @ForAll("probeLists") List<IpAddress> probes) {
    List<IpBlock> reversed = new ArrayList<>(blocks);
    Collections.reverse(reversed);
    AllowlistMatcher forward = AllowlistMatcher.of(blocks);
    AllowlistMatcher backward = AllowlistMatcher.of(reversed);
    assertThat(backward.rangeCount()).isEqualTo(forward.rangeCount());
    for (IpAddress probe : probes) {
      assertThat(backward.matches(probe)).isEqualTo(forward.matches(probe));
    }
  }

  /** First and last address of the block, and their neighbours outside it. */
  static List<IpAddress> boundaryProbes(IpBlock block) {
    IpAddress first = block.network();
    List<IpAddress> probes = new ArrayList<>();
    if (block.family() == IpFamily.IPV4) {
      long start = first.low();
      long end = start | (0xffff_ffffL >>> block.prefixLength());
      for (long value : new long[] {start - 1, start, end, end + 1}) {
        probes.add(IpAddress.ofIpv4((int) value)); // wraps around at the family's ends
      }
    } else {
      int prefix = block.prefixLength();
      long high = first.high();
      long low = first.low();
      long endHigh = high | (prefix >= 64 ? 0 : -1L >>> prefix);
      long endLow = low | (prefix >= 128 ? 0 : prefix <= 64 ? -1L : -1L >>> (prefix - 64));
      probes.add(IpAddress.ofIpv6(low == 0 ? high - 1 : high, low - 1));
      probes.add(first);
      probes.add(IpAddress.ofIpv6(endHigh, endLow));
      probes.add(IpAddress.ofIpv6(endLow == -1L ? endHigh + 1 : endHigh, endLow + 1));
    }
    return probes;
  }

  @Provide
  Arbitrary<List<IpBlock>> blockLists() {
    return Arbitraries.frequencyOf(Tuple.of(1, ipv4Blocks()), Tuple.of(1, ipv6Blocks()))
        .list()
        .ofMaxSize(40);
  }

  /**
   * 150 to 400 blocks, from one family or both, spread over the whole space, packed into one
   * network, or mostly small with a few very large blocks.
   */
  @Provide
  Arbitrary<List<IpBlock>> longBlockLists() {
    Arbitrary<IpBlock> packedIpv4 =
        Combinators.combine(
                Arbitraries.integers().between(0, 0xffff).map(x -> 0x0a0a_0000 | x),
                Arbitraries.integers().between(16, 32))
            .as((bits, prefix) -> IpBlock.containing(IpAddress.ofIpv4(bits), prefix));
    Arbitrary<IpBlock> packedIpv6 =
        Combinators.combine(
                Arbitraries.longs().between(0, 0xffff_ffffL).map(x -> 0x2001_0db8_0000_0000L | x),
                uniformLongs(),
                Arbitraries.integers().between(32, 128))
            .as((high, low, prefix) -> IpBlock.containing(IpAddress.ofIpv6(high, low), prefix));
    List<Arbitrary<IpBlock>> shapes =
        List.of(
            ipv4Blocks(),
            ipv6Blocks(),
            Arbitraries.oneOf(ipv4Blocks(), ipv6Blocks()),
            packedIpv4,
            packedIpv6,
            spanning(IpFamily.IPV4),
            spanning(IpFamily.IPV6));
    return Arbitraries.of(shapes).flatMap(shape -> shape.list().ofMinSize(150).ofMaxSize(400));
  }

  @Provide
  Arbitrary<List<IpAddress>> probeLists() {
    return Arbitraries.oneOf(ipv4Addresses(), ipv6Addresses()).list().ofMaxSize(30);
  }

  /** Mostly clustered in 10.0.0.0/16 and 200.0.0.0/16 so that blocks nest and overlap. */
  private static Arbitrary<Integer> ipv4Bits() {
    return Arbitraries.oneOf(
        Arbitraries.integers(),
        uniformInts(),
        Arbitraries.integers().between(0, 0xffff).map(x -> 0x0a00_0000 | x),
        Arbitraries.integers().between(0, 0xffff).map(x -> 0xc800_0000 | x),
        Arbitraries.of(0, -1));
  }

  private static Arbitrary<IpAddress> ipv4Addresses() {
    return ipv4Bits().map(IpAddress::ofIpv4);
  }

  private static Arbitrary<IpBlock> ipv4Blocks() {
    Arbitrary<Integer> prefixes =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.integers().between(0, 7)),
            Tuple.of(9, Arbitraries.integers().between(8, 32)));
    return Combinators.combine(ipv4Addresses(), prefixes).as(IpBlock::containing);
  }

  /** Clustered in 2001:db8::/48 and around the top of the space, also across the halves. */
  private static Arbitrary<IpAddress> ipv6Addresses() {
    Arbitrary<Long> highs =
        Arbitraries.oneOf(
            Arbitraries.longs(),
            uniformLongs(),
            Arbitraries.longs().between(0, 0xffff).map(x -> 0x2001_0db8_0000_0000L | x),
            Arbitraries.longs().between(0, 3).map(x -> -1L - x),
            Arbitraries.of(0L));
    Arbitrary<Long> lows =
        Arbitraries.oneOf(
            Arbitraries.longs(),
            Arbitraries.longs().between(0, 0xff),
            Arbitraries.longs().between(0, 0xff).map(x -> -1L - x),
            Arbitraries.longs().between(0, 0xff).map(x -> Long.MIN_VALUE + x));
    return Combinators.combine(highs, lows).as(IpAddress::ofIpv6);
  }

  private static Arbitrary<IpBlock> ipv6Blocks() {
    Arbitrary<Integer> prefixes =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.integers().between(0, 15)),
            Tuple.of(9, Arbitraries.integers().between(16, 128)));
    return Combinators.combine(ipv6Addresses(), prefixes)
        .as(
            (address, prefix) ->
                IpBlock.containing(address, Math.min(prefix, address.family().bits())));
  }

  /** Uniformly spread over all values: jqwik's default favours values near zero. */
  private static Arbitrary<Integer> uniformInts() {
    return Arbitraries.integers().withDistribution(RandomDistribution.uniform());
  }

  private static Arbitrary<Long> uniformLongs() {
    return Arbitraries.longs().withDistribution(RandomDistribution.uniform());
  }

  /** Mostly small blocks of one family, a few very large ones that swallow many others. */
  private static Arbitrary<IpBlock> spanning(IpFamily family) {
    Arbitrary<Integer> halfPrefixes =
        Arbitraries.frequencyOf(
            Tuple.of(19, Arbitraries.integers().between(16, 32)),
            Tuple.of(1, Arbitraries.integers().between(1, 8)));
    return Combinators.combine(uniformInts(), uniformLongs(), halfPrefixes)
        .as(
            (bits, high, halfPrefix) ->
                family == IpFamily.IPV4
                    ? IpBlock.containing(IpAddress.ofIpv4(bits), halfPrefix)
                    : IpBlock.containing(IpAddress.ofIpv6(high, 0), 2 * halfPrefix));
  }
}
