package dev.gatehouse.core;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One IPv4 or IPv6 address, immutable.
 *
 * <p>The value is kept as two unsigned 64-bit halves: an IPv4 address lives in the low 32 bits of
 * {@link #low()} with {@link #high()} zero. IPv4-mapped IPv6 addresses ({@code ::ffff:a.b.c.d}) are
 * always represented as the IPv4 address they map, so they are equal to it, match it and print as
 * it. No other IPv6 form that embeds an IPv4 address (NAT64, 6to4, IPv4-compatible) is treated as
 * IPv4.
 *
 * <p>{@link #toString()} prints the canonical text: dotted quad for IPv4, RFC 5952 for IPv6.
 */
public final class IpAddress implements Comparable<IpAddress> {

  private static final long MAPPED_PREFIX_LOW = 0x0000_ffff_0000_0000L;

  private final IpFamily family;
  private final long high;
  private final long low;

  private IpAddress(IpFamily family, long high, long low) {
    this.family = family;
    this.high = high;
    this.low = low;
  }

  /**
   * Parses one address literal strictly: a dotted quad (four decimal octets without leading zeros)
   * or an RFC 4291 IPv6 literal (upper- or lower-case hex, at most one {@code ::}, an optional
   * dotted quad as the last 32 bits). Any address is accepted, including {@code 0.0.0.0} and {@code
   * ::}; IPv4-mapped IPv6 becomes IPv4. Refused: CIDR notation, hostnames (never resolved), zone
   * ids, brackets, ports, shortened, octal, hexadecimal or integer IPv4 forms, non-ASCII digits,
   * whitespace and control characters.
   *
   * @throws IpFormatException if the text is not exactly one address literal; its {@link
   *     IpFormatException#reason()} says why
   */
  public static IpAddress parse(String text) {
    Objects.requireNonNull(text, "text");
    IpTextParser.Parsed<IpAddress> parsed = IpTextParser.parseAddress(text);
    if (parsed.value() == null) {
      throw new IpFormatException(text, Objects.requireNonNull(parsed.reason()));
    }
    return parsed.value();
  }

  /** Like {@link #parse(String)}, but empty instead of throwing; empty for {@code null}. */
  public static Optional<IpAddress> tryParse(@Nullable String text) {
    return text == null
        ? Optional.empty()
        : Optional.ofNullable(IpTextParser.parseAddress(text).value());
  }

  /** True when {@link #parse(String)} would accept the text; false for {@code null}. */
  public static boolean isValid(@Nullable String text) {
    return tryParse(text).isPresent();
  }

  /**
   * The IPv4 address whose 32 bits are given.
   *
   * @param bits the address, most significant octet first ({@code 0x7f000001} is 127.0.0.1)
   */
  public static IpAddress ofIpv4(int bits) {
    return new IpAddress(IpFamily.IPV4, 0, Integer.toUnsignedLong(bits));
  }

  /**
   * The IPv6 address with the given halves; an IPv4-mapped address ({@code ::ffff:0:0/96}) becomes
   * the IPv4 address it maps.
   */
  public static IpAddress ofIpv6(long high, long low) {
    if (high == 0 && (low & 0xffff_ffff_0000_0000L) == MAPPED_PREFIX_LOW) {
      return ofIpv4((int) low);
    }
    return new IpAddress(IpFamily.IPV6, high, low);
  }

  /**
   * The address of a 4- or 16-byte array in network order (as {@link InetAddress#getAddress()}
   * returns it).
   *
   * @throws IllegalArgumentException if the array is neither 4 nor 16 bytes long
   */
  public static IpAddress ofBytes(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length == 4) {
      return ofIpv4((int) readLong(bytes, 0, 4));
    }
    if (bytes.length == 16) {
      return ofIpv6(readLong(bytes, 0, 8), readLong(bytes, 8, 8));
    }
    throw new IllegalArgumentException("bytes must be 4 or 16 long, not " + bytes.length);
  }

  /**
   * The address of an already resolved {@link InetAddress}, such as a socket's peer; never looks up
   * a name. A scope id is dropped.
   */
  public static IpAddress of(InetAddress address) {
    return ofBytes(Objects.requireNonNull(address, "address").getAddress());
  }

  private static long readLong(byte[] bytes, int offset, int length) {
    long value = 0;
    for (int i = offset; i < offset + length; i++) {
      value = (value << 8) | (bytes[i] & 0xff);
    }
    return value;
  }

  /** IPv4 or IPv6. */
  public IpFamily family() {
    return family;
  }

  /** The upper 64 bits of an IPv6 address; zero for IPv4. */
  public long high() {
    return high;
  }

  /** The lower 64 bits of an IPv6 address, or the IPv4 address in the lower 32 bits. */
  public long low() {
    return low;
  }

  /** The 32 bits of an IPv4 address. */
  public int ipv4Bits() {
    if (family != IpFamily.IPV4) {
      throw new IllegalStateException(this + " is not an IPv4 address");
    }
    return (int) low;
  }

  /** True for {@code 0.0.0.0} and {@code ::}, which no client can have. */
  public boolean isUnspecified() {
    return high == 0 && low == 0;
  }

  /** The address in network byte order: 4 bytes for IPv4, 16 for IPv6. */
  public byte[] toBytes() {
    int length = family == IpFamily.IPV4 ? 4 : 16;
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      int shiftFromEnd = (length - 1 - i) * 8;
      bytes[i] = (byte) (shiftFromEnd >= 64 ? high >>> (shiftFromEnd - 64) : low >>> shiftFromEnd);
    }
    return bytes;
  }

  /** The canonical text: dotted quad for IPv4, RFC 5952 for IPv6. */
  @Override
  public String toString() {
    return family == IpFamily.IPV4 ? formatIpv4((int) low) : formatIpv6(high, low);
  }

  private static String formatIpv4(int bits) {
    return ((bits >>> 24) & 0xff)
        + "."
        + ((bits >>> 16) & 0xff)
        + "."
        + ((bits >>> 8) & 0xff)
        + "."
        + (bits & 0xff);
  }

  private static String formatIpv6(long high, long low) {
    int[] groups = new int[8];
    for (int i = 0; i < 4; i++) {
      groups[i] = (int) (high >>> (48 - 16 * i)) & 0xffff;
      groups[i + 4] = (int) (low >>> (48 - 16 * i)) & 0xffff;
    }
    // RFC 5952 4.2: compress the longest run of two or more zero groups, the first on a tie.
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int start = i;
      while (i < 8 && groups[i] == 0) {
        i++;
      }
      if (i - start > bestLength) {
        bestStart = start;
        bestLength = i - start;
      }
    }
    StringBuilder text = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }

  /** IPv4 addresses sort before IPv6 ones; within a family, by numeric value. */
  @Override
  public int compareTo(IpAddress other) {
    int byFamily = family.compareTo(other.family);
    if (byFamily != 0) {
      return byFamily;
    }
    int byHigh = Long.compareUnsigned(high, other.high);
    return byHigh != 0 ? byHigh : Long.compareUnsigned(low, other.low);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof IpAddress that
        && family == that.family
        && high == that.high
        && low == that.low;
  }

  @Override
  public int hashCode() {
    return Objects.hash(family, high, low);
  }
}
