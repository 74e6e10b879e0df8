package dev.gatehouse.core;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads the hops of {@code X-Forwarded-For}: comma-separated items over any number of header lines,
 * which together form one list in order. Empty items are skipped (RFC 9110 list rule). Each item is
 * an IPv4 or IPv6 address, optionally with a port ({@code 192.0.2.1:4711}, {@code
 * [2001:db8::1]:4711}, as some load balancers write it) or bracketed IPv6 without port; {@code
 * unknown} is recognised as a hop without address.
 *
 * <p>Work is bounded: lines and items are read from the right and reading stops after {@code
 * maxHops + 1} items, whatever the header's length to the left.
 */
final class XForwardedForParser {

  private XForwardedForParser() {}

  /**
   * The right-most hops, left to right, at most {@code maxHops + 1} of them (one more than {@code
   * maxHops} tells that there were too many).
   */
  static List<String> rightMostItems(List<@Nullable String> lines, int maxHops) {
    Deque<String> items = new ArrayDeque<>();
    for (int line = lines.size() - 1; line >= 0 && items.size() <= maxHops; line--) {
      String text = lines.get(line);
      if (text == null) {
        continue;
      }
      int end = text.length();
      while (end >= 0 && items.size() <= maxHops) {
        int comma = text.lastIndexOf(',', end - 1);
        String item = trimOptionalWhitespace(text, comma + 1, end);
        if (!item.isEmpty()) {
          items.addFirst(item);
        }
        end = comma;
      }
    }
    return List.copyOf(items);
  }

  /** The hop an item names. */
  static ForwardingHop parseItem(String item) {
    if (item.toLowerCase(Locale.ROOT).equals("unknown")) {
      return ForwardingHop.unusable(item, "is \"unknown\"");
    }
    IpAddress address = parseAddressWithOptionalPort(item);
    return address != null
        ? ForwardingHop.of(item, address)
        : ForwardingHop.unusable(item, "is not an IP address");
  }

  private static @Nullable IpAddress parseAddressWithOptionalPort(String item) {
    if (item.startsWith("[")) {
      int close = item.indexOf(']');
      if (close < 0 || !isAbsentOrPort(item, close + 1)) {
        return null;
      }
      return parseIpv6(item, 1, close);
    }
    int colon = item.indexOf(':');
    if (colon >= 0 && colon == item.lastIndexOf(':')) {
      // Exactly one colon: IPv4 with a port. (IPv6 has at least two colons.)
      IpAddress address = PeerAddressParser.parseLiteral(item, 0, colon);
      return address != null && isAbsentOrPort(item, colon) ? address : null;
    }
    return PeerAddressParser.parseLiteral(item, 0, item.length());
  }

  private static @Nullable IpAddress parseIpv6(String text, int start, int end) {
    // The colon check keeps "[192.0.2.1]" out: brackets are for IPv6 only.
    return text.indexOf(':', start) >= 0 && text.indexOf(':', start) < end
        ? PeerAddressParser.parseLiteral(text, start, end)
        : null;
  }

  /** True when {@code text[from..]} is empty or a colon and 1 to 5 digits. */
  private static boolean isAbsentOrPort(String text, int from) {
    if (from == text.length()) {
      return true;
    }
    int digits = text.length() - from - 1;
    if (text.charAt(from) != ':' || digits < 1 || digits > 5) {
      return false;
    }
    for (int i = from + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** {@code text[start, end)} without surrounding spaces and tabs. */
  static String trimOptionalWhitespace(String text, int start, int end) {
    while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
      end--;
    }
    return text.substring(start, end);
  }
}
