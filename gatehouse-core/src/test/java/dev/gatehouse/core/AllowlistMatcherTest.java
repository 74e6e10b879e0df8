package dev.gatehouse.core;

import static dev.gatehouse.core.Addresses.block;
import static dev.gatehouse.core.Addresses.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AllowlistMatcherTest {

  private static AllowlistMatcher matcherOf(String... blocks) {
    return AllowlistMatcher.of(Stream.of(blocks).map(Addresses::block).toList());
  }

  @Test
  void emptyMatcherMatchesNothing() {
    AllowlistMatcher matcher = AllowlistMatcher.empty();
    assertThat(matcher.isEmpty()).isTrue();
    assertThat(matcher.rangeCount()).isZero();
    assertThat(matcher.matches(ip("10.0.0.1"))).isFalse();
    assertThat(matcher.matches("::1")).isFalse();
  }

  @Test
  void matcherOfNoBlocksIsEmpty() {
    assertThat(AllowlistMatcher.of(List.of()).isEmpty()).isTrue();
  }

  @Test
  void matchesNullAddressAndNullTextAreFalse() {
    AllowlistMatcher matcher = matcherOf("10.0.0.0/8");
    assertThat(matcher.matches((IpAddress) null)).isFalse();
    assertThat(matcher.matches((CharSequence) null)).isFalse();
  }

  @Test
  void ofWhenCollectionHoldsNullThenThrowsNamingTheArgument() {
    List<IpBlock> blocks = new ArrayList<>();
    blocks.add(null);
    assertThatNullPointerException()
        .isThrownBy(() -> AllowlistMatcher.of(blocks))
        .withMessageContaining("blocks");
  }

  @Test
  void matchesWhenAddressIsFirstOrLastOfBlockThenTrueAndOneBeyondThenFalse() {
    AllowlistMatcher matcher = matcherOf("192.0.2.0/24");
    assertThat(matcher.matches(ip("192.0.2.0"))).isTrue();
    assertThat(matcher.matches(ip("192.0.2.255"))).isTrue();
    assertThat(matcher.matches(ip("192.0.1.255"))).isFalse();
    assertThat(matcher.matches(ip("192.0.3.0"))).isFalse();
  }

  @Test
  void matchesSingleAddressOnlyThatAddress() {
    AllowlistMatcher matcher = matcherOf("203.0.113.7", "2001:db8::7");
    assertThat(matcher.matches("203.0.113.7")).isTrue();
    assertThat(matcher.matches("203.0.113.6")).isFalse();
    assertThat(matcher.matches("203.0.113.8")).isFalse();
    assertThat(matcher.matches("2001:db8::7")).isTrue();
    assertThat(matcher.matches("2001:db8::6")).isFalse();
    assertThat(matcher.matches("2001:db8::8")).isFalse();
  }

  @Test
  void ofWhenBlocksAreNestedOverlappingOrAdjacentThenMergesThem() {
    // 10.0.0.0/8 contains 10.1.0.0/16; 192.0.2.0/25 and 192.0.2.128/25 are adjacent.
    AllowlistMatcher matcher =
        matcherOf("10.1.0.0/16", "10.0.0.0/8", "192.0.2.0/25", "192.0.2.128/25", "198.51.100.1");
    assertThat(matcher.rangeCount()).isEqualTo(3);
    assertThat(matcher.matches("192.0.2.127")).isTrue();
    assertThat(matcher.matches("192.0.2.128")).isTrue();
  }

  @Test
  void ofWhenIpv6BlocksAreNestedOrAdjacentThenMergesThem() {
    AllowlistMatcher matcher =
        matcherOf("2001:db8::/32", "2001:db8:1::/48", "2001:db9::/32", "2001:dba::1");
    // 2001:db8::/32 and 2001:db9::/32 are adjacent; 2001:dba::1 is separate.
    assertThat(matcher.rangeCount()).isEqualTo(2);
    assertThat(matcher.matches("2001:db9:ffff:ffff:ffff:ffff:ffff:ffff")).isTrue();
    assertThat(matcher.matches("2001:dba::")).isFalse();
    assertThat(matcher.matches("2001:dba::1")).isTrue();
  }

  @Test
  void ofWhenDuplicateBlocksGivenThenKeepsOneRange() {
    assertThat(matcherOf("10.0.0.0/8", "10.0.0.0/8", "10.0.0.1").rangeCount()).isEqualTo(1);
  }

  @Test
  void matchesIpv6BlockAcrossTheHalvesBoundary() {
    // A /63 spans two values of the high half; a /65 splits the low half.
    AllowlistMatcher matcher = matcherOf("2001:db8:0:2::/63", "2001:db8:0:8:8000::/65");
    assertThat(matcher.matches("2001:db8:0:3:ffff:ffff:ffff:ffff")).isTrue();
    assertThat(matcher.matches("2001:db8:0:4::")).isFalse();
    assertThat(matcher.matches("2001:db8:0:8:7fff:ffff:ffff:ffff")).isFalse();
    assertThat(matcher.matches("2001:db8:0:8:8000::")).isTrue();
    assertThat(matcher.matches("2001:db8:0:8:ffff:ffff:ffff:ffff")).isTrue();
  }

  @Test
  void matchesAddressesWithTheHighBitSetInBothFamilies() {
    // Unsigned order matters: 200.x and 8000:: sort after 10.x and 2001:: .
    AllowlistMatcher matcher = matcherOf("10.0.0.0/8", "200.0.0.0/8", "2001:db8::/32", "8000::/1");
    assertThat(matcher.matches("200.1.2.3")).isTrue();
    assertThat(matcher.matches("199.255.255.255")).isFalse();
    assertThat(matcher.matches("255.255.255.255")).isFalse();
    assertThat(matcher.matches("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).isTrue();
    assertThat(matcher.matches("7fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).isFalse();
  }

  @Test
  void matchesLastAddressesOfBothFamiliesWhenBlocksReachThem() {
    AllowlistMatcher matcher = matcherOf("255.255.255.255", "255.255.255.0/24", "ffff::/16");
    assertThat(matcher.rangeCount()).isEqualTo(2);
    assertThat(matcher.matches("255.255.255.255")).isTrue();
    assertThat(matcher.matches("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).isTrue();
    assertThat(matcher.matches("fffe:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).isFalse();
  }

  @Test
  void matchesWhenBlocksCoverWholeFamilyThenEveryAddressOfThatFamilyOnly() {
    AllowlistMatcher matcher = matcherOf("0.0.0.0/0");
    assertThat(matcher.matches("0.0.0.0")).isTrue();
    assertThat(matcher.matches("255.255.255.255")).isTrue();
    assertThat(matcher.matches("::1")).isFalse();
  }

  @Test
  void matchesIpv4MappedIpv6PeerAgainstIpv4Blocks() {
    AllowlistMatcher matcher = matcherOf("203.0.113.0/24");
    assertThat(matcher.matches("::ffff:203.0.113.9")).isTrue();
    assertThat(matcher.matches("0:0:0:0:0:ffff:cb00:7109")).isTrue();
    assertThat(matcher.matchesIpv6(0, 0x0000_ffff_cb00_7109L)).isTrue();
    assertThat(matcher.matches("::ffff:203.0.114.9")).isFalse();
  }

  @Test
  void matchesNeverLetsEmbeddedIpv4FormsOtherThanMappedMatchIpv4Blocks() {
    AllowlistMatcher matcher = matcherOf("203.0.113.0/24");
    assertThat(matcher.matches("64:ff9b::203.0.113.9")).isFalse(); // NAT64
    assertThat(matcher.matches("2002:cb00:7109::")).isFalse(); // 6to4
    assertThat(matcher.matches("::203.0.113.9")).isFalse(); // IPv4-compatible
  }

  @Test
  void matchesNeverLetsIpv6BlocksMatchIpv4AddressesWithTheSameBits() {
    AllowlistMatcher matcher = matcherOf("::cb00:7100/120");
    assertThat(matcher.matches("::203.0.113.9")).isTrue();
    assertThat(matcher.matches("203.0.113.9")).isFalse();
  }

  @Test
  void matchesPeerLiteralsInContainerForms() {
    AllowlistMatcher matcher = matcherOf("127.0.0.1", "::1", "fe80::/10");
    assertThat(matcher.matches("127.0.0.1")).isTrue();
    assertThat(matcher.matches("0:0:0:0:0:0:0:1")).isTrue();
    assertThat(matcher.matches("[::1]")).isTrue();
    assertThat(matcher.matches("fe80:0:0:0:1:2:3:4%eth0")).isTrue();
    assertThat(matcher.matches("[fe80::1%2]")).isTrue();
  }

  @Test
  void matchesWhenPeerLiteralIsGarbageThenFalse() {
    AllowlistMatcher matcher = matcherOf("0.0.0.0/0", "::/0");
    for (String garbage :
        List.of(
            "", " ", "localhost", "127.1", "010.0.0.1", "1.2.3.4 ", "1.2.3.4:80", "[1.2.3.4]")) {
      assertThat(matcher.matches(garbage)).as(garbage).isFalse();
    }
  }

  @Test
  void matchesAcceptsAnyCharSequenceNotOnlyStrings() {
    AllowlistMatcher matcher = matcherOf("192.0.2.0/24");
    assertThat(matcher.matches(new StringBuilder("192.0.2.10"))).isTrue();
  }

  @Test
  void matchesWhenOneLargeBlockPrecedesManySmallOnesThenItsLastAddressesMatch() {
    // 0.0.0.0/4 and 2001::/20 are far wider than the 398 small blocks after them.
    List<IpBlock> blocks = new ArrayList<>();
    blocks.add(block("0.0.0.0/4"));
    blocks.add(block("2001::/20"));
    for (int i = 0; i < 199; i++) {
      blocks.add(IpBlock.of(IpAddress.ofIpv4(0x6400_0000 + (i << 9)), 24));
      blocks.add(IpBlock.of(IpAddress.ofIpv6(0x3000_0000_0000_0000L + ((long) i << 40), 0), 48));
    }
    AllowlistMatcher matcher = AllowlistMatcher.of(blocks);
    assertThat(matcher.rangeCount()).isEqualTo(400);
    assertThat(matcher.matches("15.255.255.255")).isTrue();
    assertThat(matcher.matches("8.1.2.3")).isTrue();
    assertThat(matcher.matches("16.0.0.0")).isFalse();
    assertThat(matcher.matches("100.0.1.255")).isFalse(); // between two /24s
    assertThat(matcher.matches("100.0.2.0")).isTrue();
    assertThat(matcher.matches("2001:fff:ffff:ffff:ffff:ffff:ffff:ffff")).isTrue();
    assertThat(matcher.matches("2001:1000::")).isFalse();
    assertThat(matcher.matches("3000:100::1")).isTrue();
    assertThat(matcher.matches("3000:101::1")).isFalse();
  }

  @Test
  void matchesWhenLongListSharesAPrefixThenAddressesOutsideItDoNotMatchAndInsideItDo() {
    // 128 /26 blocks every 512 addresses of 10.10.0.0/16, and 128 /64s in 2001:db8::/32: long
    // enough to be indexed, all sharing their leading bits.
    List<IpBlock> blocks = new ArrayList<>();
    for (int i = 0; i < 128; i++) {
      blocks.add(IpBlock.of(IpAddress.ofIpv4(0x0a0a_0000 + (i << 9)), 26));
      blocks.add(IpBlock.of(IpAddress.ofIpv6(0x2001_0db8_0000_0000L + ((long) i << 24), 0), 64));
    }
    AllowlistMatcher matcher = AllowlistMatcher.of(blocks);
    assertThat(matcher.rangeCount()).isEqualTo(256);
    assertThat(matcher.matches("10.10.0.0")).isTrue();
    assertThat(matcher.matches("10.10.0.63")).isTrue();
    assertThat(matcher.matches("10.10.0.64")).isFalse();
    assertThat(matcher.matches("10.10.2.0")).isTrue();
    assertThat(matcher.matches("10.10.253.255")).isFalse();
    assertThat(matcher.matches("10.10.254.63")).isTrue(); // the last block
    assertThat(matcher.matches("10.10.254.64")).isFalse();
    assertThat(matcher.matches("10.11.0.0")).isFalse();
    assertThat(matcher.matches("138.10.0.0")).isFalse(); // differs in the top bit only
    assertThat(matcher.matches("10.9.255.255")).isFalse();
    assertThat(matcher.matches("2001:db8:0:0:ffff:ffff:ffff:ffff")).isTrue();
    assertThat(matcher.matches("2001:db8:7f00:0:0:0:0:1")).isTrue(); // the last block
    assertThat(matcher.matches("2001:db8:7f00:1:0:0:0:0")).isFalse();
    assertThat(matcher.matches("2001:db8:100:0:0:0:0:0")).isTrue();
    assertThat(matcher.matches("2001:db8:80:0:0:0:0:0")).isFalse();
    assertThat(matcher.matches("a001:db8:0:0:0:0:0:1")).isFalse(); // differs in the top bit only
    assertThat(matcher.matches("2001:db9::")).isFalse();
  }

  @Test
  void matchesAllocatesNothingPerLookup() {
    List<IpBlock> blocks = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      blocks.add(IpBlock.of(IpAddress.ofIpv4(0x0a00_0000 + (i << 8)), 24));
      blocks.add(IpBlock.of(IpAddress.ofIpv6(0x2001_0db8_0000_0000L + ((long) i << 16), 0), 48));
    }
    AllowlistMatcher matcher = AllowlistMatcher.of(blocks);
    String[] probes = {
      "10.0.3.7", "11.0.0.1", "2001:db8:0:5::1", "::ffff:10.0.0.1", "0:0:0:0:0:0:0:1"
    };
    IpAddress[] addresses = Arrays.stream(probes).map(Addresses::ip).toArray(IpAddress[]::new);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long threadId = Thread.currentThread().getId();
    int hits = lookUp(matcher, probes, addresses); // warm up; loads classes
    long before = threads.getThreadAllocatedBytes(threadId);
    for (int round = 0; round < 2_000; round++) {
      hits += lookUp(matcher, probes, addresses);
    }
    long allocated = threads.getThreadAllocatedBytes(threadId) - before;
    // 20,000 lookups: one 16-byte object each would be 320,000 bytes.
    assertThat(allocated).isLessThan(4_096);
    assertThat(hits).isEqualTo(2_001 * 6);
  }

  private static int lookUp(AllowlistMatcher matcher, String[] probes, IpAddress[] addresses) {
    int hits = 0;
    for (int i = 0; i < probes.length; i++) {
      hits += matcher.matches(probes[i]) ? 1 : 0;
      hits += matcher.matches(addresses[i]) ? 1 : 0;
    }
    return hits;
  }
}
