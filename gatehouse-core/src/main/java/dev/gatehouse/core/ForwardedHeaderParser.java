package dev.gatehouse.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code for=} hops of the RFC 7239 {@code Forwarded} header over any number of lines,
 * which together form one list of elements in order.
 *
 * <p>Syntax is checked on the whole header, because a quoting error makes every later element
 * ambiguous: {@code Forwarded = 1#forwarded-element}, elements separated by commas, pairs by
 * semicolons (optional whitespace around both separators is accepted; empty elements and pairs are
 * skipped), pair = token "=" (token / quoted-string), parameter names case-insensitive, at most one
 * {@code for} per element. Values of the other parameters are checked for syntax only.
 *
 * <p>Node values (RFC 7239 section 6): IPv4 with optional port, bracketed IPv6 with optional port
 * (the brackets and a port make quoting necessary), {@code unknown}, and obfuscated identifiers
 * ({@code _hidden}); ports may be obfuscated too. An element without {@code for} is a hop whose
 * address is unknown.
 *
 * <p>Work is linear in the header's length and memory bounded: only the {@code maxHops + 1}
 * right-most elements are kept.
 */
final class ForwardedHeaderParser {

  /** The right-most hops, left to right, or the reason the header is malformed. */
  record Result(List<ForwardingHop> hops, @Nullable String malformed) {}

  private final String text;
  private int position;

  private ForwardedHeaderParser(String text) {
    this.text = text;
  }

  static Result parse(List<@Nullable String> lines, int maxHops) {
    // Each kept element is its for= value, or "" when it has none (a for= value is never empty).
    Deque<String> forValues = new ArrayDeque<>();
    for (String line : lines) {
      if (line == null) {
        continue;
      }
      String error = new ForwardedHeaderParser(line).readElements(forValues, maxHops + 1);
      if (error != null) {
        return new Result(List.of(), error);
      }
    }
    List<ForwardingHop> hops = new ArrayList<>(forValues.size());
    for (String forValue : forValues) {
      hops.add(
          forValue.isEmpty()
              ? ForwardingHop.unusable("", "is an element without for=")
              : parseNode(forValue));
    }
    return new Result(hops, null);
  }

  /** Appends the elements of this line, keeping at most {@code keep}; returns an error or null. */
  private @Nullable String readElements(Deque<String> forValues, int keep) {
    while (true) {
      skipOptionalWhitespace();
      if (position == text.length()) {
        return null;
      }
      if (text.charAt(position) == ',') {
        position++; // an empty element
        continue;
      }
      String forValue = "";
      boolean anyPair = false;
      while (position < text.length() && text.charAt(position) != ',') {
        if (text.charAt(position) == ';') {
          position++; // an empty pair
          skipOptionalWhitespace();
          continue;
        }
        int nameStart = position;
        String name = readToken();
        if (name.isEmpty()) {
          return "unexpected character " + describe(nameStart) + " where a parameter name belongs";
        }
        if (position == text.length() || text.charAt(position) != '=') {
          return "parameter \"" + name + "\" has no \"=value\"";
        }
        position++;
        String value = readValue();
        if (value == null) {
          return "parameter \"" + name + "\" has a malformed value at " + describe(position);
        }
        if (name.toLowerCase(Locale.ROOT).equals("for")) {
          if (!forValue.isEmpty()) {
            return "an element has more than one for= parameter";
          }
          if (value.isEmpty()) {
            return "a for= parameter is empty";
          }
          forValue = value;
        }
        anyPair = true;
        skipOptionalWhitespace();
        if (position < text.length()
            && text.charAt(position) != ';'
            && text.charAt(position) != ',') {
          return "unexpected character " + describe(position) + " after parameter \"" + name + "\"";
        }
      }
      if (anyPair) {
        if (forValues.size() == keep) {
          forValues.removeFirst();
        }
        forValues.addLast(forValue);
      }
    }
  }

  /** A token or a quoted string (unescaped), or null when neither is there. */
  private @Nullable String readValue() {
    if (position < text.length() && text.charAt(position) == '"') {
      return readQuotedString();
    }
    String token = readToken();
    return token.isEmpty() ? null : token;
  }

  private @Nullable String readQuotedString() {
    StringBuilder value = new StringBuilder();
    position++; // the opening quote
    while (position < text.length()) {
      char c = text.charAt(position++);
      if (c == '"') {
        return value.toString();
      }
      if (c == '\\') {
        if (position == text.length()) {
          return null;
        }
        c = text.charAt(position++);
      }
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        return null; // control characters are not allowed, not even escaped
      }
      value.append(c);
    }
    return null; // no closing quote
  }

  private String readToken() {
    int start = position;
    while (position < text.length() && isTokenChar(text.charAt(position))) {
      position++;
    }
    return text.substring(start, position);
  }

  private void skipOptionalWhitespace() {
    while (position < text.length()
        && (text.charAt(position) == ' ' || text.charAt(position) == '\t')) {
      position++;
    }
  }

  private String describe(int at) {
    if (at >= text.length()) {
      return "(end of header)";
    }
    char c = text.charAt(at);
    return c >= 0x21 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
  }

  /** RFC 9110 tchar. */
  private static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  /** The hop a for= node value names (RFC 7239 section 6). */
  static ForwardingHop parseNode(String node) {
    if (node.toLowerCase(Locale.ROOT).equals("unknown")) {
      return ForwardingHop.unusable(node, "is \"unknown\"");
    }
    if (node.startsWith("_")) {
      return isObfuscated(node, 0, node.length())
          ? ForwardingHop.unusable(node, "is an obfuscated identifier")
          : ForwardingHop.unusable(node, "is not a valid node");
    }
    IpAddress address;
    int portFrom;
    if (node.startsWith("[")) {
      int close = node.indexOf(']');
      if (close < 0 || node.indexOf(':') < 0 || node.indexOf(':') > close) {
        return ForwardingHop.unusable(node, "is not a bracketed IPv6 address");
      }
      address = PeerAddressParser.parseLiteral(node, 1, close);
      portFrom = close + 1;
    } else {
      int colon = node.indexOf(':');
      portFrom = colon < 0 ? node.length() : colon;
      // Text before the first colon holds no colon, so only IPv4 can parse here.
      address = PeerAddressParser.parseLiteral(node, 0, portFrom);
    }
    if (address == null) {
      return ForwardingHop.unusable(
          node, "is not an IP address (IPv6 must be in brackets, RFC 7239 section 6)");
    }
    if (!isAbsentOrPort(node, portFrom)) {
      return ForwardingHop.unusable(node, "has a malformed port");
    }
    return ForwardingHop.of(node, address);
  }

  /** True when {@code node[from..]} is empty or ":" then 1-5 digits or an obfuscated port. */
  private static boolean isAbsentOrPort(String node, int from) {
    if (from == node.length()) {
      return true;
    }
    if (node.charAt(from) != ':' || from + 1 == node.length()) {
      return false;
    }
    int start = from + 1;
    if (node.charAt(start) == '_') {
      return isObfuscated(node, start, node.length());
    }
    if (node.length() - start > 5) {
      return false;
    }
    for (int i = start; i < node.length(); i++) {
      if (node.charAt(i) < '0' || node.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** RFC 7239 obfnode / obfport: "_" 1*( ALPHA / DIGIT / "." / "_" / "-" ). */
  private static boolean isObfuscated(String text, int start, int end) {
    if (end - start < 2 || text.charAt(start) != '_') {
      return false;
    }
    for (int i = start + 1; i < end; i++) {
      char c = text.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }
}
