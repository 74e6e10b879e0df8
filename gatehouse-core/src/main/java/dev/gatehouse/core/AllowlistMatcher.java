package dev.gatehouse.core;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An immutable set of IP blocks that answers "is this address allowed?" without allocating.
 *
 * <p>Built once from any number of blocks (up to hundreds of thousands): overlapping, nested and
 * adjacent blocks are merged into disjoint, sorted ranges, so a query is one binary search,
 * narrowed by a first-level index on the address's top bits for long lists. Building sorts and
 * merges, O(n log n); rebuilding from scratch on every change (for example when an entry expires)
 * is the intended way to update.
 *
 * <p><b>Families and IPv4-mapped IPv6.</b> IPv4 and IPv6 ranges are kept apart and never match each
 * other. An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) is the IPv4 address it maps, both as
 * an {@link IpAddress} (see {@link IpAddress#ofIpv6}) and as a peer literal (see {@link
 * PeerAddressParser}), so it matches IPv4 blocks. Other IPv6 forms that embed an IPv4 address
 * (NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}, IPv4-compatible {@code ::a.b.c.d}) are IPv6
 * and only match IPv6 blocks.
 *
 * <p><b>Memory.</b> Each merged IPv4 range takes 8 bytes (one {@code long}) and each merged IPv6
 * range 32 bytes (four {@code long}s). A family with 64 ranges or more also gets a first-level
 * index of at most 4 bytes per range (one {@code int} per bucket, at most one bucket per range).
 * Fixed costs (array headers, this object) are about 70 bytes, plus about 60 per indexed family.
 * Merging never increases the number of ranges, so these are upper bounds per entry: at most 12
 * bytes per IPv4 entry and 36 per IPv6 entry, fixed costs aside.
 *
 * <p>Instances are safe to share between threads.
 */
public final class AllowlistMatcher {

  private static final AllowlistMatcher EMPTY = new AllowlistMatcher(new long[0], new long[0]);

  /*
   * Invariants: ranges are disjoint, not adjacent (an end + 1 < the next start) and sorted, so the
   * only candidate for an address is the last range starting at or before it. Values are stored
   * with the sign bit flipped (x ^ MIN_VALUE) so that signed order equals unsigned address order,
   * which keeps the searches free of compareUnsigned calls and lets the JIT use conditional moves.
   *
   * ipv4Ranges[i] = (flipped start) << 32 | end, the end unsigned in the low 32 bits: ordering the
   * longs orders by start.
   * ipv6Ranges[4i .. 4i+3] = flipped start high, flipped start low, flipped end high, flipped end
   * low: a range's four words lie next to each other in memory.
   */
  private final long[] ipv4Ranges;
  private final long[] ipv6Ranges;

  /*
   * First-level indexes that narrow a search to the few ranges starting in one bucket of addresses
   * (see BucketIndex); a 10,000-range list then needs one or two search steps instead of fourteen.
   */
  private final @Nullable BucketIndex ipv4Index;
  private final @Nullable BucketIndex ipv6Index;

  /**
   * Hands parsed peer literals to the binary searches; one instance per matcher, never per call.
   */
  private final PeerAddressParser.AddressPredicate peerTest =
      new PeerAddressParser.AddressPredicate() {
        @Override
        public boolean testIpv4(int bits) {
          return matchesIpv4(bits);
        }

        @Override
        public boolean testIpv6(long high, long low) {
          return matchesIpv6(high, low);
        }
      };

  private AllowlistMatcher(long[] ipv4Ranges, long[] ipv6Ranges) {
    this.ipv4Ranges = ipv4Ranges;
    this.ipv6Ranges = ipv6Ranges;
    int ipv4Count = ipv4Ranges.length;
    long[] ipv4Starts = new long[ipv4Count];
    for (int i = 0; i < ipv4Count; i++) {
      // Unsigned start in the top 32 bits, so that both families index the same 64-bit keys.
      ipv4Starts[i] = ((ipv4Ranges[i] >>> 32) ^ 0x8000_0000L) << 32;
    }
    long ipv4LastEnd = ipv4Count == 0 ? 0 : (ipv4Ranges[ipv4Count - 1] & 0xffff_ffffL) << 32;
    this.ipv4Index = BucketIndex.of(ipv4Starts, ipv4LastEnd);
    int ipv6Count = ipv6Ranges.length >>> 2;
    long[] ipv6Starts = new long[ipv6Count];
    for (int i = 0; i < ipv6Count; i++) {
      ipv6Starts[i] = ipv6Ranges[i << 2] ^ Long.MIN_VALUE;
    }
    long ipv6LastEnd = ipv6Count == 0 ? 0 : ipv6Ranges[(ipv6Count << 2) - 2] ^ Long.MIN_VALUE;
    this.ipv6Index = BucketIndex.of(ipv6Starts, ipv6LastEnd);
  }

  /**
   * Maps the top bits of a 64-bit key (an IPv4 address in the top half of a long, or the high half
   * of an IPv6 address) to the slice of ranges that can hold it.
   *
   * <p>All keys between the first range's start and the last range's end share their top {@code
   * skip} bits with {@code prefix}; a key that does not lies outside every range. The next {@code
   * 64 - shift} bits pick a bucket b, and {@code starts[b]} is the number of ranges that start in a
   * bucket before b. The only candidates for a key in bucket b are then the ranges starting in b
   * and the one before them (which may reach into b): {@code [max(starts[b] - 1, 0), starts[b +
   * 1])}. The bucket count is the largest power of two not above the range count (at least 64, at
   * most 2^16), so the index costs at most 4 bytes per range.
   */
  private static final class BucketIndex {
    // A final class rather than a record: heap measurement tools cannot read record fields.
    final long prefix;
    final long prefixMask;
    final int skip;
    final int shift;
    final int[] starts;

    private BucketIndex(long prefix, long prefixMask, int skip, int shift, int[] starts) {
      this.prefix = prefix;
      this.prefixMask = prefixMask;
      this.skip = skip;
      this.shift = shift;
      this.starts = starts;
    }

    /**
     * Below this many ranges a plain binary search takes at most six steps and the index would cost
     * more heap per entry than the ranges themselves.
     */
    static final int MIN_RANGES = 64;

    /** The index for the given sorted range starts, or null when there are too few to need one. */
    static @Nullable BucketIndex of(long[] rangeStarts, long lastEnd) {
      int count = rangeStarts.length;
      if (count < MIN_RANGES) {
        return null;
      }
      int bits = Math.min(16, 31 - Integer.numberOfLeadingZeros(count));
      long first = rangeStarts[0];
      int skip = Math.min(Long.numberOfLeadingZeros(first ^ lastEnd), 64 - bits);
      long prefixMask = skip == 0 ? 0 : -1L << (64 - skip);
      int shift = 64 - bits;
      int[] starts = new int[(1 << bits) + 1];
      int range = 0;
      for (int bucket = 0; bucket < starts.length; bucket++) {
        while (range < count && (int) ((rangeStarts[range] << skip) >>> shift) < bucket) {
          range++;
        }
        starts[bucket] = range;
      }
      return new BucketIndex(first & prefixMask, prefixMask, skip, shift, starts);
    }
  }

  /** The matcher that matches nothing. */
  public static AllowlistMatcher empty() {
    return EMPTY;
  }

  /**
   * The matcher for the union of the given blocks.
   *
   * @throws NullPointerException if the collection or one of its blocks is null
   */
  public static AllowlistMatcher of(Collection<IpBlock> blocks) {
    Objects.requireNonNull(blocks, "blocks");
    IpBlock[] sorted = blocks.toArray(new IpBlock[0]);
    for (IpBlock block : sorted) {
      Objects.requireNonNull(block, "blocks must not contain null");
    }
    if (sorted.length == 0) {
      return EMPTY;
    }
    // Natural order: IPv4 before IPv6, then by network address, i.e. by range start.
    Arrays.sort(sorted);
    int firstIpv6 = 0;
    while (firstIpv6 < sorted.length && sorted[firstIpv6].family() == IpFamily.IPV4) {
      firstIpv6++;
    }
    return new AllowlistMatcher(
        mergeIpv4(sorted, firstIpv6), mergeIpv6(sorted, firstIpv6, sorted.length));
  }

  /** Merges the IPv4 blocks sorted[0, to) into packed ranges. */
  private static long[] mergeIpv4(IpBlock[] sorted, int to) {
    long[] ranges = new long[to];
    int count = 0;
    long lastEnd = -2; // unsigned ends as non-negative longs; -2 + 1 < any start
    for (int i = 0; i < to; i++) {
      IpBlock block = sorted[i];
      long start = block.network().low();
      long end = start | (0xffff_ffffL >>> block.prefixLength());
      // Ranges arrive sorted by start: merge with the previous one when overlapping or adjacent.
      if (count > 0 && start <= lastEnd + 1) {
        if (end > lastEnd) {
          lastEnd = end;
          ranges[count - 1] = packIpv4(ranges[count - 1] >>> 32, end);
        }
        continue;
      }
      ranges[count++] = packIpv4(((int) start ^ Integer.MIN_VALUE) & 0xffff_ffffL, end);
      lastEnd = end;
    }
    return Arrays.copyOf(ranges, count);
  }

  private static long packIpv4(long flippedStart, long end) {
    return (flippedStart << 32) | end;
  }

  /** Merges the IPv6 blocks sorted[from, to) into flipped ranges of four longs. */
  private static long[] mergeIpv6(IpBlock[] sorted, int from, int to) {
    long[] ranges = new long[4 * (to - from)];
    int count = 0;
    for (int i = from; i < to; i++) {
      IpBlock block = sorted[i];
      int prefix = block.prefixLength();
      long startHigh = block.network().high();
      long startLow = block.network().low();
      long endHigh = startHigh | (prefix >= 64 ? 0 : -1L >>> prefix);
      long endLow = startLow | (prefix >= 128 ? 0 : prefix <= 64 ? -1L : -1L >>> (prefix - 64));
      if (count > 0) {
        int last = 4 * (count - 1);
        long lastEndHigh = ranges[last + 2] ^ Long.MIN_VALUE;
        long lastEndLow = ranges[last + 3] ^ Long.MIN_VALUE;
        if (isAtMostSuccessor(startHigh, startLow, lastEndHigh, lastEndLow)) {
          if (compare(endHigh, endLow, lastEndHigh, lastEndLow) > 0) {
            ranges[last + 2] = endHigh ^ Long.MIN_VALUE;
            ranges[last + 3] = endLow ^ Long.MIN_VALUE;
          }
          continue;
        }
      }
      int at = 4 * count++;
      ranges[at] = startHigh ^ Long.MIN_VALUE;
      ranges[at + 1] = startLow ^ Long.MIN_VALUE;
      ranges[at + 2] = endHigh ^ Long.MIN_VALUE;
      ranges[at + 3] = endLow ^ Long.MIN_VALUE;
    }
    return Arrays.copyOf(ranges, 4 * count);
  }

  /** True when (high, low) is at most one more than (endHigh, endLow), all unsigned. */
  private static boolean isAtMostSuccessor(long high, long low, long endHigh, long endLow) {
    if (endHigh == -1L && endLow == -1L) {
      return true; // the previous range reaches the last address; nothing lies beyond it
    }
    long nextLow = endLow + 1;
    long nextHigh = nextLow == 0 ? endHigh + 1 : endHigh;
    return compare(high, low, nextHigh, nextLow) <= 0;
  }

  private static int compare(long highA, long lowA, long highB, long lowB) {
    int byHigh = Long.compareUnsigned(highA, highB);
    return byHigh != 0 ? byHigh : Long.compareUnsigned(lowA, lowB);
  }

  /** True when the address lies in one of the blocks; false for {@code null}. Never allocates. */
  public boolean matches(@Nullable IpAddress address) {
    if (address == null) {
      return false;
    }
    return address.family() == IpFamily.IPV4
        ? matchesIpv4((int) address.low())
        : matchesIpv6(address.high(), address.low());
  }

  /**
   * True when the peer address literal, as a servlet container reports the remote address, lies in
   * one of the blocks. Accepts what {@link PeerAddressParser} accepts ({@code 127.0.0.1}, {@code
   * 0:0:0:0:0:0:0:1}, {@code ::ffff:1.2.3.4}, optional brackets, a {@code %zone} suffix that is
   * ignored); anything else, and {@code null}, does not match. Never allocates.
   */
  public boolean matches(@Nullable CharSequence peerAddress) {
    return PeerAddressParser.test(peerAddress, peerTest);
  }

  /**
   * True when the IPv4 address with the given 32 bits (most significant octet first) lies in one of
   * the blocks.
   */
  public boolean matchesIpv4(int bits) {
    long[] ranges = ipv4Ranges;
    BucketIndex index = ipv4Index;
    int base = 0;
    int n = ranges.length;
    if (index != null) {
      long key = (long) bits << 32;
      if (((key ^ index.prefix) & index.prefixMask) != 0) {
        return false;
      }
      int bucket = (int) ((key << index.skip) >>> index.shift);
      int[] starts = index.starts;
      base = Math.max(starts[bucket] - 1, 0);
      n = starts[bucket + 1] - base;
    }
    if (n <= 0) {
      return false;
    }
    // Every range starting at or before the address packs to a long <= probe.
    long probe = ((long) (bits ^ Integer.MIN_VALUE) << 32) | 0xffff_ffffL;
    // Branch-free search for the last range <= probe (the ternary compiles to a conditional move).
    while (n > 1) {
      int half = n >>> 1;
      base = ranges[base + half] <= probe ? base + half : base;
      n -= half;
    }
    long range = ranges[base];
    return range <= probe & (range & 0xffff_ffffL) >= Integer.toUnsignedLong(bits);
  }

  /**
   * True when the IPv6 address with the given halves lies in one of the blocks. An IPv4-mapped
   * address is treated as the IPv4 address it maps, as everywhere in this library.
   */
  public boolean matchesIpv6(long high, long low) {
    if (high == 0 && (low >>> 32) == 0xffffL) {
      return matchesIpv4((int) low);
    }
    long[] ranges = ipv6Ranges;
    BucketIndex index = ipv6Index;
    int base = 0;
    int n = ranges.length >>> 2;
    if (index != null) {
      if (((high ^ index.prefix) & index.prefixMask) != 0) {
        return false;
      }
      int bucket = (int) ((high << index.skip) >>> index.shift);
      int[] starts = index.starts;
      base = Math.max(starts[bucket] - 1, 0);
      n = starts[bucket + 1] - base;
    }
    if (n <= 0) {
      return false;
    }
    long keyHigh = high ^ Long.MIN_VALUE;
    long keyLow = low ^ Long.MIN_VALUE;
    while (n > 1) {
      int half = n >>> 1;
      int at = (base + half) << 2;
      long startHigh = ranges[at];
      boolean startsAtOrBefore =
          startHigh < keyHigh | (startHigh == keyHigh & ranges[at + 1] <= keyLow);
      base = startsAtOrBefore ? base + half : base;
      n -= half;
    }
    int at = base << 2;
    long startHigh = ranges[at];
    long endHigh = ranges[at + 2];
    boolean startsAtOrBefore =
        startHigh < keyHigh | (startHigh == keyHigh & ranges[at + 1] <= keyLow);
    boolean endsAtOrAfter = endHigh > keyHigh | (endHigh == keyHigh & ranges[at + 3] >= keyLow);
    return startsAtOrBefore & endsAtOrAfter;
  }

  /** The number of disjoint ranges left after merging, both families together. */
  public int rangeCount() {
    return ipv4Ranges.length + (ipv6Ranges.length >>> 2);
  }

  /** True when nothing matches. */
  public boolean isEmpty() {
    return rangeCount() == 0;
  }

  @Override
  public String toString() {
    return "AllowlistMatcher["
        + ipv4Ranges.length
        + " IPv4 ranges, "
        + (ipv6Ranges.length >>> 2)
        + " IPv6 ranges]";
  }
}
