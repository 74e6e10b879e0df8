package dev.gatehouse.core;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An immutable set of IP blocks that answers "is this address allowed?" without allocating.
 *
 * <p>Built once from any number of blocks (up to hundreds of thousands): overlapping, nested and
 * adjacent blocks are merged into disjoint, sorted ranges, so a query is one binary search.
 * Building sorts and merges, O(n log n); rebuilding from scratch on every change (for example when
 * an entry expires) is the intended way to update.
 *
 * <p><b>Families and IPv4-mapped IPv6.</b> IPv4 and IPv6 ranges are kept apart and never match each
 * other. An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) is the IPv4 address it maps, both as
 * an {@link IpAddress} (see {@link IpAddress#ofIpv6}) and as a peer literal (see {@link
 * PeerAddressParser}), so it matches IPv4 blocks. Other IPv6 forms that embed an IPv4 address
 * (NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}, IPv4-compatible {@code ::a.b.c.d}) are IPv6
 * and only match IPv6 blocks.
 *
 * <p><b>Memory.</b> Each merged IPv4 range takes 8 bytes (two {@code int}s) and each merged IPv6
 * range 32 bytes (four {@code long}s), plus fixed array headers. Merging never increases the number
 * of ranges, so these are upper bounds per entry.
 *
 * <p>Instances are safe to share between threads.
 */
public final class AllowlistMatcher {

  private static final AllowlistMatcher EMPTY =
      new AllowlistMatcher(
          new int[0], new int[0], new long[0], new long[0], new long[0], new long[0]);

  /*
   * Invariants: every array is sorted ascending; range i covers [start i, end i] inclusive;
   * ranges are disjoint and not adjacent (end i + 1 < start i+1), so the only candidate for an
   * address is the last range starting at or before it. IPv4 values are stored with the sign bit
   * flipped (x ^ 0x80000000) so that signed int order equals unsigned address order; IPv6 high
   * halves likewise (x ^ Long.MIN_VALUE). IPv6 low halves stay unsigned and are compared with
   * Long.compareUnsigned.
   */
  private final int[] ipv4Starts;
  private final int[] ipv4Ends;
  private final long[] ipv6StartHighs;
  private final long[] ipv6StartLows;
  private final long[] ipv6EndHighs;
  private final long[] ipv6EndLows;

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

  private AllowlistMatcher(
      int[] ipv4Starts,
      int[] ipv4Ends,
      long[] ipv6StartHighs,
      long[] ipv6StartLows,
      long[] ipv6EndHighs,
      long[] ipv6EndLows) {
    this.ipv4Starts = ipv4Starts;
    this.ipv4Ends = ipv4Ends;
    this.ipv6StartHighs = ipv6StartHighs;
    this.ipv6StartLows = ipv6StartLows;
    this.ipv6EndHighs = ipv6EndHighs;
    this.ipv6EndLows = ipv6EndLows;
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
    return buildFromSorted(sorted, firstIpv6);
  }

  private static AllowlistMatcher buildFromSorted(IpBlock[] sorted, int firstIpv6) {
    int[] starts = new int[firstIpv6];
    int[] ends = new int[firstIpv6];
    int ipv4Count = 0;
    for (int i = 0; i < firstIpv6; i++) {
      IpBlock block = sorted[i];
      long start = block.network().low();
      long end = start | (0xffff_ffffL >>> block.prefixLength());
      // Ranges arrive sorted by start: merge with the previous one when overlapping or adjacent.
      if (ipv4Count > 0 && start <= unflip(ends[ipv4Count - 1]) + 1) {
        if (end > unflip(ends[ipv4Count - 1])) {
          ends[ipv4Count - 1] = flip(end);
        }
        continue;
      }
      starts[ipv4Count] = flip(start);
      ends[ipv4Count] = flip(end);
      ipv4Count++;
    }

    int maxIpv6 = sorted.length - firstIpv6;
    long[] startHighs = new long[maxIpv6];
    long[] startLows = new long[maxIpv6];
    long[] endHighs = new long[maxIpv6];
    long[] endLows = new long[maxIpv6];
    int ipv6Count = 0;
    for (int i = firstIpv6; i < sorted.length; i++) {
      IpBlock block = sorted[i];
      int prefix = block.prefixLength();
      long startHigh = block.network().high();
      long startLow = block.network().low();
      long endHigh = startHigh | (prefix >= 64 ? 0 : -1L >>> prefix);
      long endLow = startLow | (prefix >= 128 ? 0 : prefix <= 64 ? -1L : -1L >>> (prefix - 64));
      if (ipv6Count > 0) {
        int last = ipv6Count - 1;
        long lastEndHigh = endHighs[last];
        long lastEndLow = endLows[last];
        if (isAtMostSuccessor(startHigh, startLow, lastEndHigh, lastEndLow)) {
          if (compare(endHigh, endLow, lastEndHigh, lastEndLow) > 0) {
            endHighs[last] = endHigh;
            endLows[last] = endLow;
          }
          continue;
        }
      }
      startHighs[ipv6Count] = startHigh;
      startLows[ipv6Count] = startLow;
      endHighs[ipv6Count] = endHigh;
      endLows[ipv6Count] = endLow;
      ipv6Count++;
    }
    long[] startHighsFlipped = new long[ipv6Count];
    long[] endHighsFlipped = new long[ipv6Count];
    for (int i = 0; i < ipv6Count; i++) {
      startHighsFlipped[i] = startHighs[i] ^ Long.MIN_VALUE;
      endHighsFlipped[i] = endHighs[i] ^ Long.MIN_VALUE;
    }
    return new AllowlistMatcher(
        Arrays.copyOf(starts, ipv4Count),
        Arrays.copyOf(ends, ipv4Count),
        startHighsFlipped,
        Arrays.copyOf(startLows, ipv6Count),
        endHighsFlipped,
        Arrays.copyOf(endLows, ipv6Count));
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

  private static int flip(long unsignedIpv4) {
    return (int) unsignedIpv4 ^ Integer.MIN_VALUE;
  }

  private static long unflip(int flipped) {
    return Integer.toUnsignedLong(flipped ^ Integer.MIN_VALUE);
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
    int key = bits ^ Integer.MIN_VALUE;
    int[] starts = ipv4Starts;
    int low = 0;
    int high = starts.length - 1;
    // Find the last range whose start is <= key.
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (starts[mid] <= key) {
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return high >= 0 && key <= ipv4Ends[high];
  }

  /**
   * True when the IPv6 address with the given halves lies in one of the blocks. An IPv4-mapped
   * address is treated as the IPv4 address it maps, as everywhere in this library.
   */
  public boolean matchesIpv6(long high, long low) {
    if (high == 0 && (low >>> 32) == 0xffffL) {
      return matchesIpv4((int) low);
    }
    long keyHigh = high ^ Long.MIN_VALUE;
    long[] startHighs = ipv6StartHighs;
    long[] startLows = ipv6StartLows;
    int from = 0;
    int to = startHighs.length - 1;
    while (from <= to) {
      int mid = (from + to) >>> 1;
      long midHigh = startHighs[mid];
      if (midHigh < keyHigh
          || (midHigh == keyHigh && Long.compareUnsigned(startLows[mid], low) <= 0)) {
        from = mid + 1;
      } else {
        to = mid - 1;
      }
    }
    if (to < 0) {
      return false;
    }
    long endHigh = ipv6EndHighs[to];
    return keyHigh < endHigh
        || (keyHigh == endHigh && Long.compareUnsigned(low, ipv6EndLows[to]) <= 0);
  }

  /** The number of disjoint ranges left after merging, both families together. */
  public int rangeCount() {
    return ipv4Starts.length + ipv6StartHighs.length;
  }

  /** True when nothing matches. */
  public boolean isEmpty() {
    return rangeCount() == 0;
  }

  @Override
  public String toString() {
    return "AllowlistMatcher["
        + ipv4Starts.length
        + " IPv4 ranges, "
        + ipv6StartHighs.length
        + " IPv6 ranges]";
  }
}
