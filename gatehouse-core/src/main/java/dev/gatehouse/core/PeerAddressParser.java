package dev.gatehouse.core;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A fast, allocation-free parser for the address literal a servlet container reports as the remote
 * address of a connection ({@code request.getRemoteAddr()}): {@code 127.0.0.1}, {@code
 * 0:0:0:0:0:0:0:1} (Tomcat's full form), {@code ::1}, {@code ::ffff:1.2.3.4}.
 *
 * <p>Accepted: a dotted-quad IPv4 address (four decimal octets 0-255, no leading zeros), or an IPv6
 * address (one to four hex digits per group, either case, at most one {@code ::}, optionally ending
 * in a dotted quad), the IPv6 form optionally in square brackets and optionally followed by a
 * {@code %zone} suffix (printable ASCII without colons, brackets, slashes or spaces), which is
 * ignored: a socket peer's zone is not user input and does not decide whether an address is
 * allowed. Nothing else is accepted: no ports, hostnames, shortened or octal IPv4 forms,
 * surrounding whitespace. On every address the strict user-input parser ({@code IpAddress.parse})
 * accepts, this parser gives the same address.
 *
 * <p>IPv4-mapped IPv6 ({@code ::ffff:a.b.c.d}, in any notation) is reported as the IPv4 address it
 * maps, as {@link IpAddress#ofIpv6} does.
 */
public final class PeerAddressParser {

  /** What {@link #parseIpv4(CharSequence)} returns for text that is not an IPv4 literal. */
  public static final long NOT_IPV4 = -1L;

  /** The value of each ASCII hex digit, -1 for every other character below 128. */
  private static final byte[] HEX_VALUES = new byte[128];

  static {
    Arrays.fill(HEX_VALUES, (byte) -1);
    for (int i = 0; i < 10; i++) {
      HEX_VALUES['0' + i] = (byte) i;
    }
    for (int i = 0; i < 6; i++) {
      HEX_VALUES['a' + i] = (byte) (10 + i);
      HEX_VALUES['A' + i] = (byte) (10 + i);
    }
  }

  private PeerAddressParser() {}

  /**
   * Receives the parsed address from {@link #test(CharSequence, AddressPredicate)}, as primitives,
   * so that nothing is allocated per call.
   */
  public interface AddressPredicate {

    /** Called with the 32 bits of an IPv4 address, including an IPv4-mapped IPv6 one. */
    boolean testIpv4(int bits);

    /** Called with the two halves of an IPv6 address that is not IPv4-mapped. */
    boolean testIpv6(long high, long low);
  }

  /**
   * Parses the peer literal and hands the address to the predicate, without allocating.
   *
   * @return the predicate's answer, or false when the text is null or not an accepted literal
   */
  public static boolean test(@Nullable CharSequence peerAddress, AddressPredicate predicate) {
    if (peerAddress == null) {
      return false;
    }
    int start = 0;
    int end = peerAddress.length();
    if (end > 0 && peerAddress.charAt(0) == '[') {
      if (end < 2 || peerAddress.charAt(end - 1) != ']') {
        return false;
      }
      start = 1;
      end--;
    } else {
      // An IPv6 literal fails this within its first five characters, so trying IPv4 first is cheap.
      long ipv4 = parseIpv4(peerAddress, start, end);
      if (ipv4 != NOT_IPV4) {
        return predicate.testIpv4((int) ipv4);
      }
      // Servlet containers such as Tomcat report IPv6 peers in the full eight-group form.
      int full = testFullIpv6(peerAddress, start, end, predicate);
      if (full != NOT_FULL_FORM) {
        return full == 1;
      }
    }
    // Brackets and zones belong to IPv6 only: an IPv4 part left of a zone, or inside brackets,
    // cannot make up the eight groups the IPv6 parser below requires.
    int zone = zoneStart(peerAddress, start, end);
    if (zone >= 0) {
      if (!isValidZone(peerAddress, zone + 1, end)) {
        return false;
      }
      end = zone;
    }
    return testIpv6(peerAddress, start, end, predicate);
  }

  /**
   * The index of the {@code %} that starts a zone id, or -1. A zone id holds no colon, so the scan
   * runs backwards only over the last group (or the last dotted quad) and the zone id.
   */
  private static int zoneStart(CharSequence text, int start, int end) {
    for (int i = end - 1; i >= start; i--) {
      char c = text.charAt(i);
      if (c == '%') {
        return i;
      }
      if (c == ':') {
        return -1;
      }
    }
    return -1;
  }

  /**
   * The peer literal as an address (this allocates the result), or empty when it is null or not
   * accepted.
   */
  public static Optional<IpAddress> tryParse(@Nullable CharSequence peerAddress) {
    Capture capture = new Capture();
    return test(peerAddress, capture) ? Optional.of(capture.address) : Optional.empty();
  }

  /**
   * The IPv4 dotted quad as an unsigned 32-bit value in a long, or {@link #NOT_IPV4}. Only the four
   * decimal octet form without leading zeros is accepted. Never allocates.
   */
  public static long parseIpv4(@Nullable CharSequence text) {
    return text == null ? NOT_IPV4 : parseIpv4(text, 0, text.length());
  }

  /**
   * An address literal exactly as the strict parser accepts it (no brackets, no zone, no port)
   * within {@code text[start, end)}, or null.
   */
  static @Nullable IpAddress parseLiteral(CharSequence text, int start, int end) {
    Capture capture = new Capture();
    boolean valid =
        capture.acceptIpv4(parseIpv4(text, start, end)) || testIpv6(text, start, end, capture);
    return valid ? capture.address : null;
  }

  private static long parseIpv4(CharSequence text, int start, int end) {
    // One pass, one charAt per character. Invariant: value holds the `digits` digits read so far
    // of the current octet; result holds the completed octets.
    long result = 0;
    int octets = 0;
    int value = 0;
    int digits = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        // Leading zeros are refused: "010" is octal to some parsers and decimal to others.
        if (digits == 3 || (digits == 1 && value == 0)) {
          return NOT_IPV4;
        }
        value = value * 10 + (c - '0');
        digits++;
      } else if (c == '.' && digits > 0 && value <= 255 && octets < 3) {
        result = (result << 8) | value;
        octets++;
        value = 0;
        digits = 0;
      } else {
        return NOT_IPV4;
      }
    }
    return octets == 3 && digits > 0 && value <= 255 ? (result << 8) | value : NOT_IPV4;
  }

  /**
   * Parses IPv6 groups in {@code text[start, end)}. Groups before a {@code ::} are placed from the
   * left (head), groups after it are shifted in from the right (tail); without {@code ::} every
   * group is a head group and there must be exactly eight.
   */
  private static boolean testIpv6(
      CharSequence text, int start, int end, AddressPredicate predicate) {
    long headHigh = 0;
    long headLow = 0;
    long tailHigh = 0;
    long tailLow = 0;
    int groups = 0;
    boolean compressed = false;
    int i = start;
    if (end - i >= 2 && text.charAt(i) == ':' && text.charAt(i + 1) == ':') {
      compressed = true;
      i += 2;
    }
    while (i < end) {
      int pieceStart = i;
      int value = 0;
      while (i < end && i - pieceStart < 5) {
        int digit = hexValue(text.charAt(i));
        if (digit < 0) {
          break;
        }
        value = (value << 4) | digit;
        i++;
      }
      int pieceGroups = 1;
      if (i < end && text.charAt(i) == '.') {
        // A trailing dotted quad stands for the last two groups.
        long ipv4 = parseIpv4(text, pieceStart, end);
        if (ipv4 == NOT_IPV4) {
          return false;
        }
        value = (int) ipv4;
        pieceGroups = 2;
        i = end;
      } else if (i == pieceStart || i - pieceStart > 4) {
        return false;
      }
      if (groups + pieceGroups > (compressed ? 7 : 8)) {
        return false;
      }
      int bits = 16 * pieceGroups;
      long piece = pieceGroups == 2 ? Integer.toUnsignedLong(value) : value;
      if (compressed) {
        tailHigh = (tailHigh << bits) | (tailLow >>> (64 - bits));
        tailLow = (tailLow << bits) | piece;
      } else {
        // Invariant: groups + pieceGroups <= 8, so the piece ends at or before bit 128.
        int shift = 128 - 16 * groups - bits;
        if (shift >= 64) {
          headHigh |= piece << (shift - 64);
        } else {
          headLow |= piece << shift;
          if (shift + bits > 64) {
            headHigh |= piece >>> (64 - shift);
          }
        }
      }
      groups += pieceGroups;
      if (i == end) {
        break;
      }
      if (text.charAt(i) != ':') {
        return false;
      }
      i++;
      if (i < end && text.charAt(i) == ':') {
        if (compressed) {
          return false; // a second "::"
        }
        compressed = true;
        i++;
      } else if (i == end) {
        return false; // a single trailing colon
      }
    }
    if (compressed ? groups > 7 : groups != 8) {
      return false;
    }
    long high = headHigh | tailHigh;
    long low = headLow | tailLow;
    if (high == 0 && (low >>> 32) == 0xffffL) {
      return predicate.testIpv4((int) low);
    }
    return predicate.testIpv6(high, low);
  }

  /** What {@link #testFullIpv6} returns when the text is not in the full eight-group form. */
  private static final int NOT_FULL_FORM = -1;

  /**
   * Reads {@code text[start, end)} in one pass when it is exactly eight groups of one to four hex
   * digits separated by single colons (no {@code ::}, no dotted quad, no zone), the form servlet
   * containers such as Tomcat report. Every such text is an IPv6 literal the general parser accepts
   * with the same value.
   *
   * @return 1 or 0 for the predicate's answer, or {@link #NOT_FULL_FORM} for any other text, which
   *     is then left to the general parser
   */
  private static int testFullIpv6(
      CharSequence text, int start, int end, AddressPredicate predicate) {
    // Invariant: value holds the `digits` digits read so far of the current group (at most four);
    // half holds the completed groups of the current half; high the first four groups once
    // complete.
    long high = 0;
    long half = 0;
    int value = 0;
    int digits = 0;
    int groups = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      int digit = c < HEX_VALUES.length ? HEX_VALUES[c] : -1;
      if (digit >= 0 && digits < 4) {
        value = (value << 4) | digit;
        digits++;
      } else if (c == ':' && digits > 0 && groups < 7) {
        half = (half << 16) | value;
        if (++groups == 4) {
          high = half;
          half = 0;
        }
        value = 0;
        digits = 0;
      } else {
        return NOT_FULL_FORM;
      }
    }
    if (groups != 7 || digits == 0) {
      return NOT_FULL_FORM;
    }
    long low = (half << 16) | value;
    boolean answer =
        high == 0 && (low >>> 32) == 0xffffL
            ? predicate.testIpv4((int) low)
            : predicate.testIpv6(high, low);
    return answer ? 1 : 0;
  }

  private static boolean isValidZone(CharSequence text, int start, int end) {
    if (start >= end) {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c >= 0x7f || c == '%' || c == '[' || c == ']' || c == '/' || c == ':') {
        return false;
      }
    }
    return true;
  }

  private static int hexValue(char c) {
    return c < HEX_VALUES.length ? HEX_VALUES[c] : -1;
  }

  /** Keeps the parsed address for the allocating entry points. */
  private static final class Capture implements AddressPredicate {
    private @Nullable IpAddress address;

    boolean acceptIpv4(long ipv4) {
      return ipv4 != NOT_IPV4 && testIpv4((int) ipv4);
    }

    @Override
    public boolean testIpv4(int bits) {
      address = IpAddress.ofIpv4(bits);
      return true;
    }

    @Override
    public boolean testIpv6(long high, long low) {
      address = IpAddress.ofIpv6(high, low);
      return true;
    }
  }
}
