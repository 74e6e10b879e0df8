package dev.gatehouse.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The strict parser behind {@link IpAddress#parse} and {@link IpBlock#parse}: accepts exactly the
 * textual forms of RFC 4291 section 2.2 and dotted-quad IPv4 (four decimal octets, no leading
 * zeros), and explains every refusal in words a person understands. Never resolves names.
 *
 * <p>Refusals are found in two steps. {@link #screen} looks at the text as a whole and names what
 * the user most likely typed instead of an address (a hostname, a port, a range, a zone id, a
 * control character...). Only then is the remaining text, which holds nothing but ASCII letters,
 * digits, dots, colons and slashes, read as a literal by {@link #readAddress}.
 */
final class IpTextParser {

  /** Longer than any literal with a prefix (45 characters for a mixed IPv6 address, plus /128). */
  static final int MAX_LENGTH = 100;

  static final String LEADING_ZEROS = "leading zeros are ambiguous (octal or decimal?)";
  static final String HEX_IPV4 =
      "hexadecimal numbers are not allowed, enter the address as four decimal octets";
  static final String INTEGER_IPV4 =
      "a single number is not allowed, enter the address as four decimal octets like 10.0.0.1";
  static final String SHORTENED_IPV4 =
      "shortened addresses are not allowed, enter all four octets like 10.0.0.1";
  static final String HOSTNAME = "hostnames are not allowed, enter an IP address";
  static final String ZONE_ID = "zone ids are not allowed";
  static final String SIGN = "signs are not allowed";
  static final String RANGE = "ranges with - are not supported, enter a CIDR block";
  static final String ZERO_PREFIX = "a /0 block allows everyone; turn IP whitelisting off instead";
  static final String NOT_A_BLOCK = "expected a single address, not a block";
  static final String UNSPECIFIED = " is the unspecified address, which no client can have";

  private static final String ANALYSED_ASCII = ".:/ %[]+-_";

  /** An address or block, or the reason the text is neither. */
  record Parsed<T>(@Nullable T value, @Nullable String reason) {

    static <T> Parsed<T> of(T value) {
      return new Parsed<>(value, null);
    }

    static <T> Parsed<T> refused(String reason) {
      return new Parsed<>(null, reason);
    }
  }

  // Result of readAddress; set only when reason is null.
  private long high;
  private long low;
  private boolean ipv4;

  private IpTextParser() {}

  /** Parses one address literal, refusing CIDR notation. */
  static Parsed<IpAddress> parseAddress(String text) {
    String reason = screen(text);
    if (reason == null && text.indexOf('/') >= 0) {
      reason = NOT_A_BLOCK;
    }
    IpTextParser parser = new IpTextParser();
    if (reason == null) {
      reason = parser.readAddress(text);
    }
    return reason == null ? Parsed.of(parser.address()) : Parsed.refused(reason);
  }

  /** Parses one allowlist entry: an address or a CIDR block, under every rule of an entry. */
  static Parsed<IpBlock> parseBlock(String text) {
    String reason = screen(text);
    if (reason != null) {
      return Parsed.refused(reason);
    }
    int slash = text.indexOf('/');
    String addressText = slash < 0 ? text : text.substring(0, slash);
    if (slash >= 0 && text.indexOf('/', slash + 1) >= 0) {
      return Parsed.refused("only one / with a prefix length is allowed");
    }
    if (addressText.isEmpty()) {
      return Parsed.refused("the address before the / is missing");
    }
    IpTextParser parser = new IpTextParser();
    reason = parser.readAddress(addressText);
    if (reason != null) {
      return Parsed.refused(reason);
    }
    // The prefix counts bits of the address as written: an IPv4-mapped address written in IPv6
    // notation takes an IPv6 prefix length (::ffff:10.0.0.0/104 is 10.0.0.0/8).
    boolean writtenAsIpv6 = addressText.indexOf(':') >= 0;
    int bits = writtenAsIpv6 ? 128 : 32;
    int prefix = bits;
    if (slash >= 0) {
      String prefixText = text.substring(slash + 1);
      reason = prefixReason(prefixText, bits);
      if (reason != null) {
        return Parsed.refused(reason);
      }
      prefix = Integer.parseInt(prefixText);
    }
    return toBlock(parser, writtenAsIpv6, prefix);
  }

  private static Parsed<IpBlock> toBlock(IpTextParser parser, boolean writtenAsIpv6, int prefix) {
    if (prefix == 0) {
      return Parsed.refused(ZERO_PREFIX);
    }
    IpAddress address = parser.address();
    int familyPrefix = prefix;
    if (writtenAsIpv6 && parser.ipv4) {
      if (prefix < 96) {
        // The block reaches into the ::ffff part, so it cannot be an IPv4 block; its network
        // clears at least bit 95 and so is a plain IPv6 address.
        IpBlock meant = containingIpv6(parser.high, parser.low, prefix);
        return Parsed.refused("host bits are set; did you mean " + meant + "?");
      }
      familyPrefix = prefix - 96;
      if (familyPrefix == 0) {
        return Parsed.refused(ZERO_PREFIX);
      }
    }
    IpBlock block = IpBlock.containing(address, familyPrefix);
    if (!block.network().equals(address)) {
      return Parsed.refused("host bits are set; did you mean " + block + "?");
    }
    if (block.isSingleAddress() && address.isUnspecified()) {
      return Parsed.refused(address + UNSPECIFIED);
    }
    return Parsed.of(block);
  }

  private static IpBlock containingIpv6(long high, long low, int prefix) {
    long highMask = prefix == 0 ? 0 : -1L << (64 - Math.min(prefix, 64));
    long lowMask = prefix <= 64 ? 0 : -1L << (128 - prefix);
    return IpBlock.of(IpAddress.ofIpv6(high & highMask, low & lowMask), prefix);
  }

  private IpAddress address() {
    return ipv4 ? IpAddress.ofIpv4((int) low) : IpAddress.ofIpv6(high, low);
  }

  // ---------------------------------------------------------------- screening the whole text

  /**
   * Names what the text is if it is clearly not a literal, or returns null. Afterwards the text
   * holds only ASCII letters, digits, '.', ':' and '/'.
   */
  private static @Nullable String screen(String text) {
    if (text.isEmpty()) {
      return "enter an IP address or CIDR block";
    }
    if (text.length() > MAX_LENGTH) {
      return "too long to be an IP address or CIDR block";
    }
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      String reason = characterReason(c);
      if (reason != null) {
        return reason;
      }
      i += Character.charCount(c);
    }
    // Invariant: text is printable ASCII, letters, digits and ANALYSED_ASCII only.
    String reason = rangeReason(text);
    if (reason == null) {
      reason = spaceReason(text);
    }
    if (reason == null) {
      reason = decorationReason(text);
    }
    if (reason == null) {
      int slash = text.indexOf('/');
      reason = nameReason(slash < 0 ? text : text.substring(0, slash));
    }
    if (reason == null && text.indexOf('-') >= 0) {
      reason = RANGE;
    }
    if (reason == null && text.indexOf('_') >= 0) {
      reason = "'_' is not allowed in an IP address";
    }
    return reason;
  }

  private static @Nullable String characterReason(int c) {
    if (c == '\t') {
      return "tabs are not allowed";
    }
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      return "control characters are not allowed (found " + codePoint(c) + ")";
    }
    if (c > 0x7f) {
      if (Character.isDigit(c)) {
        return "only ASCII digits are allowed (found '"
            + Character.toString(c)
            + "', "
            + codePoint(c)
            + ")";
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        return "only plain spaces are allowed, and only around an item (found "
            + codePoint(c)
            + ")";
      }
      if (Character.getType(c) == Character.FORMAT) {
        return "invisible characters are not allowed (found " + codePoint(c) + ")";
      }
      return "only ASCII characters are allowed (found '"
          + Character.toString(c)
          + "', "
          + codePoint(c)
          + ")";
    }
    if (isAsciiLetterOrDigit(c) || ANALYSED_ASCII.indexOf(c) >= 0) {
      return null;
    }
    if (c == '*') {
      return "wildcards are not supported, enter a CIDR block like 10.0.0.0/24";
    }
    if (c == ',') {
      return "enter one address per item; commas separate items";
    }
    return "'" + (char) c + "' is not allowed in an IP address";
  }

  private static String codePoint(int c) {
    return String.format(Locale.ROOT, "U+%04X", c);
  }

  /**
   * {@code 10.0.0.1-10.0.0.9}, {@code 10.0.0.1 - 9}: an address, a dash, something address-like.
   */
  private static @Nullable String rangeReason(String text) {
    int dash = text.indexOf('-');
    if (dash <= 0) {
      return null;
    }
    String from = text.substring(0, dash).strip();
    String to = text.substring(dash + 1).strip();
    if (to.isEmpty() || !isAddressLike(to) || !isAddressLike(from)) {
      return null;
    }
    return new IpTextParser().readAddress(from) == null ? RANGE : null;
  }

  private static boolean isAddressLike(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isHexDigit(c) && c != '.' && c != ':') {
        return false;
      }
    }
    return !text.isEmpty();
  }

  private static @Nullable String spaceReason(String text) {
    int space = text.indexOf(' ');
    if (space < 0) {
      return null;
    }
    if (text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' ') {
      return "spaces around the address are not allowed";
    }
    if (text.charAt(space - 1) == '/' || text.indexOf('/', space) == space + 1) {
      return "spaces are not allowed around the /";
    }
    return "spaces are not allowed inside an address; separate items with commas";
  }

  /** URLs, brackets, ports, zone ids and signs. */
  private static @Nullable String decorationReason(String text) {
    if (text.contains("://")) {
      return "URLs are not allowed, enter an IP address";
    }
    if (text.charAt(0) == '[') {
      int close = text.indexOf(']');
      if (close > 0 && close + 1 < text.length() && text.charAt(close + 1) == ':') {
        return "brackets and ports are not allowed, enter the address alone";
      }
    }
    if (text.indexOf('[') >= 0 || text.indexOf(']') >= 0) {
      return "brackets are not allowed, enter the address without [ ]";
    }
    if (text.indexOf('%') >= 0) {
      return ZONE_ID;
    }
    if (text.indexOf('+') >= 0) {
      return SIGN;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '-' && (i == 0 || ".:/".indexOf(text.charAt(i - 1)) >= 0)) {
        return SIGN;
      }
    }
    int colon = text.indexOf(':');
    if (colon > 0 && text.indexOf(':', colon + 1) < 0) {
      // Exactly one colon: not IPv6 (which has at least two); host:port.
      String host = text.substring(0, colon);
      if (host.indexOf('.') >= 0) {
        String name = nameReason(host);
        return name != null ? name : "ports are not allowed, enter the address alone";
      }
      if (containsNonHexLetter(host)) {
        return HOSTNAME;
      }
    }
    return null;
  }

  /** Hostnames and hexadecimal IPv4 forms, in text that has no colon. */
  private static @Nullable String nameReason(String host) {
    if (host.indexOf(':') >= 0 || !containsAsciiLetter(host)) {
      return null;
    }
    List<String> labels = split(host, '.');
    for (String label : labels) {
      if (label.length() > 1 && label.charAt(0) == '0' && (label.charAt(1) | 0x20) == 'x') {
        return HEX_IPV4;
      }
    }
    String last = "";
    for (String label : labels) {
      if (!label.isEmpty()) {
        last = label;
      }
    }
    boolean nameLike = host.indexOf('-') >= 0 || host.indexOf('_') >= 0;
    if (nameLike || (!last.isEmpty() && isAsciiLetter(last.charAt(0)))) {
      return HOSTNAME;
    }
    // Something like 1.2.3.4e: the octet reader names the bad octet.
    return null;
  }

  // ---------------------------------------------------------------- reading a literal

  /** Reads an IPv4 or IPv6 literal into high/low/ipv4, or returns why it is not one. */
  private @Nullable String readAddress(String text) {
    if (text.indexOf(':') >= 0) {
      return readIpv6(text);
    }
    String reason = ipv4Reason(text);
    if (reason == null) {
      ipv4 = true;
      high = 0;
      low = ipv4Bits(text);
    }
    return reason;
  }

  /** The 32 bits of a dotted quad that {@link #ipv4Reason} accepted. */
  private static long ipv4Bits(String text) {
    long bits = 0;
    for (String octet : split(text, '.')) {
      bits = (bits << 8) | Integer.parseInt(octet);
    }
    return bits;
  }

  private static @Nullable String ipv4Reason(String text) {
    List<String> octets = split(text, '.');
    for (String octet : octets) {
      if (octet.isEmpty()) {
        return "an octet is missing (check the dots)";
      }
      if (octet.length() > 1 && octet.charAt(0) == '0' && (octet.charAt(1) | 0x20) == 'x') {
        return HEX_IPV4;
      }
      if (!isAllDigits(octet)) {
        return "'" + octet + "' is not a decimal octet";
      }
    }
    if (octets.size() == 1) {
      return INTEGER_IPV4;
    }
    if (octets.size() < 4) {
      return SHORTENED_IPV4;
    }
    if (octets.size() > 4) {
      return "too many octets; an IPv4 address has four";
    }
    for (String octet : octets) {
      if (octet.length() > 1 && octet.charAt(0) == '0') {
        return LEADING_ZEROS;
      }
      if (octet.length() > 3 || Integer.parseInt(octet) > 255) {
        return "octets must be between 0 and 255 (found " + octet + ")";
      }
    }
    return null;
  }

  private @Nullable String readIpv6(String text) {
    int compressed = text.indexOf("::");
    if (text.contains(":::")) {
      return "':::' is not valid; '::' stands for a run of zero groups";
    }
    if (compressed >= 0 && text.indexOf("::", compressed + 1) >= 0) {
      return "'::' may appear only once";
    }
    if (text.charAt(0) == ':' && compressed != 0) {
      return "an IPv6 address cannot start with a single ':'";
    }
    if (text.charAt(text.length() - 1) == ':' && compressed != text.length() - 2) {
      return "an IPv6 address cannot end with a single ':'";
    }
    List<String> head = compressed < 0 ? split(text, ':') : splitGroups(text, 0, compressed);
    List<String> tail =
        compressed < 0 ? List.of() : splitGroups(text, compressed + 2, text.length());
    List<String> groups = new ArrayList<>(head);
    groups.addAll(tail);
    // A dotted group may only be the last 32 bits: the last group of the tail, or of the whole
    // text when there is no '::' (a dotted group just before a trailing '::' is not last).
    int last = groups.size() - 1;
    boolean endsWithIpv4 = (compressed < 0 || !tail.isEmpty()) && groups.get(last).contains(".");
    for (int i = 0; i < groups.size(); i++) {
      String group = groups.get(i);
      if (group.indexOf('.') >= 0) {
        if (i != last || !endsWithIpv4) {
          return "a dotted IPv4 part is allowed only as the last 32 bits of an IPv6 address";
        }
        String reason = ipv4Reason(group);
        if (reason != null) {
          return "in the IPv4 part " + group + ": " + reason;
        }
      } else {
        String reason = groupReason(group);
        if (reason != null) {
          return reason;
        }
      }
    }
    int count = groups.size() + (endsWithIpv4 ? 1 : 0);
    if (count > 8) {
      return "too many groups; an IPv6 address has at most 8";
    }
    if (compressed < 0 && count < 8) {
      return "too few groups; an IPv6 address has 8 (use :: for a run of zero groups)";
    }
    if (compressed >= 0 && count == 8) {
      return "'::' must stand for at least one zero group, but all 8 groups are given";
    }
    int[] values = new int[8];
    int position = 0;
    for (String group : head) {
      position = putGroup(values, position, group);
    }
    int tailSlots = tail.size() + (endsWithIpv4 && !tail.isEmpty() ? 1 : 0);
    position = 8 - tailSlots;
    for (String group : tail) {
      position = putGroup(values, position, group);
    }
    high = 0;
    low = 0;
    for (int i = 0; i < 4; i++) {
      high = (high << 16) | values[i];
      low = (low << 16) | values[i + 4];
    }
    ipv4 = high == 0 && (low >>> 32) == 0xffffL;
    return null;
  }

  /** Stores a hex group (one slot) or a dotted IPv4 part (two slots); returns the next slot. */
  private static int putGroup(int[] values, int position, String group) {
    if (group.indexOf('.') < 0) {
      values[position] = Integer.parseInt(group, 16);
      return position + 1;
    }
    long bits = ipv4Bits(group);
    values[position] = (int) (bits >>> 16);
    values[position + 1] = (int) (bits & 0xffff);
    return position + 2;
  }

  private static @Nullable String groupReason(String group) {
    if (group.isEmpty()) {
      return "an IPv6 group is missing (check the colons)";
    }
    for (int i = 0; i < group.length(); i++) {
      if (!isHexDigit(group.charAt(i))) {
        return "'" + group + "' is not a group of hexadecimal digits";
      }
    }
    if (group.length() > 4) {
      return "group '" + group + "' has more than 4 hexadecimal digits";
    }
    return null;
  }

  private static List<String> splitGroups(String text, int from, int to) {
    return from == to ? List.of() : split(text.substring(from, to), ':');
  }

  /** Splits on a character, keeping empty parts (unlike String.split). */
  private static List<String> split(String text, char separator) {
    List<String> parts = new ArrayList<>(8);
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == separator) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    return parts;
  }

  // ---------------------------------------------------------------- prefix

  private static @Nullable String prefixReason(String text, int bits) {
    String range = "prefix length must be between 0 and " + bits;
    if (text.isEmpty()) {
      return "the prefix length after the / is missing";
    }
    if (text.indexOf('.') >= 0) {
      return "netmasks are not supported, enter a prefix length like /24";
    }
    if (!isAllDigits(text)) {
      return range + " (found '" + text + "')";
    }
    if (text.length() > 1 && text.charAt(0) == '0') {
      return "leading zeros are not allowed in the prefix length";
    }
    if (text.length() > 3 || Integer.parseInt(text) > bits) {
      return range;
    }
    return null;
  }

  // ---------------------------------------------------------------- characters

  private static boolean isAllDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return !text.isEmpty();
  }

  private static boolean isHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isAsciiLetter(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAsciiLetterOrDigit(int c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9');
  }

  private static boolean containsNonHexLetter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isAsciiLetter(c) && !isHexDigit(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsAsciiLetter(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isAsciiLetter(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
