package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and mistaken allowlist entries, each with the reason (or the distinctive part of it) an
 * admin is shown. Every input must be refused; none may be guessed into an address.
 */
class IpBlockMalformedCorpusTest {

  private static final String LEADING_ZEROS = "leading zeros are ambiguous (octal or decimal?)";
  private static final String HEX = "hexadecimal numbers are not allowed";
  private static final String SHORTENED = "shortened addresses are not allowed";
  private static final String INTEGER = "a single number is not allowed";
  private static final String SIGNS = "signs are not allowed";
  private static final String ASCII_DIGITS = "only ASCII digits are allowed";
  private static final String ASCII = "only ASCII characters are allowed";
  private static final String HOSTNAME = "hostnames are not allowed, enter an IP address";
  private static final String ZONE = "zone ids are not allowed";
  private static final String BRACKETS = "brackets are not allowed, enter the address without [ ]";
  private static final String BRACKETS_PORT =
      "brackets and ports are not allowed, enter the address alone";
  private static final String PORT = "ports are not allowed, enter the address alone";
  private static final String URL = "URLs are not allowed, enter an IP address";
  private static final String PREFIX_MISSING = "the prefix length after the / is missing";
  private static final String ONE_SLASH = "only one / with a prefix length is allowed";
  private static final String PREFIX_32 = "prefix length must be between 0 and 32";
  private static final String PREFIX_128 = "prefix length must be between 0 and 128";
  private static final String PREFIX_ZEROS = "leading zeros are not allowed in the prefix length";
  private static final String NETMASK =
      "netmasks are not supported, enter a prefix length like /24";
  private static final String SLASH_ZERO =
      "a /0 block allows everyone; turn IP whitelisting off instead";
  private static final String UNSPECIFIED_V4 =
      "0.0.0.0 is the unspecified address, which no client can have";
  private static final String UNSPECIFIED_V6 =
      ":: is the unspecified address, which no client can have";
  private static final String RANGE = "ranges with - are not supported, enter a CIDR block";
  private static final String LAST_32_BITS =
      "a dotted IPv4 part is allowed only as the last 32 bits of an IPv6 address";
  private static final String TOO_MANY_GROUPS = "too many groups; an IPv6 address has at most 8";
  private static final String TOO_FEW_GROUPS = "too few groups; an IPv6 address has 8";
  private static final String EMPTY_COMPRESSION = "'::' must stand for at least one zero group";
  private static final String SPACES_INSIDE = "spaces are not allowed inside an address";
  private static final String SPACES_SLASH = "spaces are not allowed around the /";
  private static final String TABS = "tabs are not allowed";
  private static final String PLAIN_SPACES = "only plain spaces are allowed";
  private static final String INVISIBLE = "invisible characters are not allowed";
  private static final String NOT_ALLOWED = "is not allowed in an IP address";

  static Stream<Arguments> corpus() {
    return Stream.of(
        // leading zeros: octal in inet_aton, decimal elsewhere
        arguments("010.0.0.1", LEADING_ZEROS),
        arguments("10.00.0.1", LEADING_ZEROS),
        arguments("10.0.0.01", LEADING_ZEROS),
        arguments("0177.0.0.1", LEADING_ZEROS),
        arguments("00.0.0.0", LEADING_ZEROS),
        arguments("192.168.001.001", LEADING_ZEROS),
        arguments("10.0.0.010/32", LEADING_ZEROS),
        arguments("::ffff:010.0.0.1", "in the IPv4 part 010.0.0.1: " + LEADING_ZEROS),
        // hexadecimal IPv4
        arguments("0x7f.0.0.1", HEX),
        arguments("0X7F.0.0.1", HEX),
        arguments("0x7f000001", HEX),
        arguments("127.0.0.0x1", HEX),
        arguments("0x0a.0x00.0x00.0x01", HEX),
        arguments("::ffff:0x7f.0.0.1", HEX),
        // shortened inet_aton forms
        arguments("127.1", SHORTENED),
        arguments("10.1.2", SHORTENED),
        arguments("127.0.1", SHORTENED),
        arguments("1.2", SHORTENED),
        arguments("10.0/8", SHORTENED),
        // plain integers
        arguments("2130706433", INTEGER),
        arguments("0", INTEGER),
        arguments("4294967295", INTEGER),
        arguments("4294967296", INTEGER),
        arguments("99999999999999999999", INTEGER),
        // signs
        arguments("1.+2.3.4", SIGNS),
        arguments("-1.2.3.4", SIGNS),
        arguments("+1.2.3.4", SIGNS),
        arguments("1.2.3.-4", SIGNS),
        arguments("10.0.0.0/+8", SIGNS),
        arguments("10.0.0.0/-8", SIGNS),
        arguments("-::1", SIGNS),
        // digits that are not ASCII
        arguments(
            "\uff11\uff12\uff17.\uff10.\uff10.\uff11", ASCII_DIGITS + " (found '\uff11', U+FF11)"),
        arguments("127.0.0.\uff11", ASCII_DIGITS),
        arguments(
            "\u09e7\u09ef\u09e8.\u09e7\u09ec\u09ee.\u09e6.\u09e7",
            ASCII_DIGITS + " (found '\u09e7', U+09E7)"),
        arguments(
            "\u0661\u0669\u0662.\u0661\u0666\u0668.\u0660.\u0661",
            ASCII_DIGITS + " (found '\u0661', U+0661)"),
        arguments("\u06f1\u06f9\u06f2.\u06f1\u06f6\u06f8.\u06f0.\u06f1", ASCII_DIGITS),
        arguments("\u0967\u0966.\u0966.\u0966.\u0967", ASCII_DIGITS),
        arguments("10.0.0.0/\uff12\uff14", ASCII_DIGITS),
        arguments("\ud835\udfcf.2.3.4", ASCII_DIGITS + " (found '\ud835\udfcf', U+1D7CF)"),
        arguments("\uff12\uff10\uff10\uff11:db8::1", ASCII_DIGITS),
        // other characters that are not ASCII
        arguments("10\u30020\u30020\u30021", ASCII + " (found '\u3002', U+3002)"),
        arguments("\uff46\uff45\uff18\uff10::1", ASCII + " (found '\uff46', U+FF46)"),
        arguments("b\u00fccher.de", ASCII),
        arguments("10.0.0.1\u200b", INVISIBLE + " (found U+200B)"),
        arguments("\ufeff10.0.0.1", INVISIBLE + " (found U+FEFF)"),
        arguments("10.0.0.1\u00a0", PLAIN_SPACES),
        arguments("10.0.0.1\u3000", PLAIN_SPACES),
        arguments("10.0.0.1\u2003", PLAIN_SPACES),
        // hostnames, never resolved
        arguments("localhost", HOSTNAME),
        arguments("LOCALHOST", HOSTNAME),
        arguments("example.com", HOSTNAME),
        arguments("www.example.com", HOSTNAME),
        arguments("my-host.example.com", HOSTNAME),
        arguments("my_host", HOSTNAME),
        arguments("example.com.", HOSTNAME),
        arguments("a.b.c.d", HOSTNAME),
        arguments("10.0.0.1.nip.io", HOSTNAME),
        arguments("xn--bcher-kva.de", HOSTNAME),
        arguments("localhost:8080", HOSTNAME),
        arguments("example.com/24", HOSTNAME),
        arguments("1.2.3.x", HOSTNAME),
        // zone ids
        arguments("fe80::1%eth0", ZONE),
        arguments("fe80::1%1", ZONE),
        arguments("fe80::1%25eth0", ZONE),
        arguments("fe80::%eth0/64", ZONE),
        arguments("fe80::1%", ZONE),
        arguments("10.0.0.1%eth0", ZONE),
        // brackets, ports and URLs
        arguments("[::1]:80", BRACKETS_PORT),
        arguments("[2001:db8::1]:443", BRACKETS_PORT),
        arguments("[::1]", BRACKETS),
        arguments("[10.0.0.1]", BRACKETS),
        arguments("::1]", BRACKETS),
        arguments("1.2.3.4:80", PORT),
        arguments("1.2.3.4:0", PORT),
        arguments("192.168.0.1:65535", PORT),
        arguments("http://10.0.0.1/", URL),
        arguments("https://[::1]:8443/", URL),
        // prefixes: empty, stacked, out of range, padded, not a number
        arguments("1.2.3.0/", PREFIX_MISSING),
        arguments("2001:db8::/", PREFIX_MISSING),
        arguments("/24", "the address before the / is missing"),
        arguments("/", "the address before the / is missing"),
        arguments("1.2.3.0/24/24", ONE_SLASH),
        arguments("1.2.3.0//24", ONE_SLASH),
        arguments("1.2.3.0/33", PREFIX_32),
        arguments("1.2.3.0/255", PREFIX_32),
        arguments("1.2.3.0/1000", PREFIX_32),
        arguments("1.2.3.0/99999999999", PREFIX_32),
        arguments("2001:db8::/129", PREFIX_128),
        arguments("::ffff:10.0.0.0/129", PREFIX_128),
        arguments("1.2.3.0/024", PREFIX_ZEROS),
        arguments("10.0.0.0/08", PREFIX_ZEROS),
        arguments("10.0.0.0/00", PREFIX_ZEROS),
        arguments("2001:db8::/032", PREFIX_ZEROS),
        arguments("10.0.0.0/x", PREFIX_32 + " (found 'x')"),
        arguments("10.0.0.0/8a", PREFIX_32 + " (found '8a')"),
        arguments("10.0.0.0/255.0.0.0", NETMASK),
        arguments("10.0.0.0/0.255.255.255", NETMASK),
        // /0 allows everyone
        arguments("0.0.0.0/0", SLASH_ZERO),
        arguments("::/0", SLASH_ZERO),
        arguments("::ffff:0.0.0.0/96", SLASH_ZERO),
        arguments("10.0.0.0/0", SLASH_ZERO),
        arguments("2001:db8::/0", SLASH_ZERO),
        // unspecified addresses
        arguments("0.0.0.0", UNSPECIFIED_V4),
        arguments("0.0.0.0/32", UNSPECIFIED_V4),
        arguments("::ffff:0.0.0.0", UNSPECIFIED_V4),
        arguments("::", UNSPECIFIED_V6),
        arguments("::/128", UNSPECIFIED_V6),
        arguments("0:0:0:0:0:0:0:0", UNSPECIFIED_V6),
        arguments("0000:0000:0000:0000:0000:0000:0000:0000", UNSPECIFIED_V6),
        // host bits set: the reason names the network
        arguments("10.1.2.3/8", "host bits are set; did you mean 10.0.0.0/8?"),
        arguments("192.168.1.1/24", "host bits are set; did you mean 192.168.1.0/24?"),
        arguments("255.255.255.255/1", "host bits are set; did you mean 128.0.0.0/1?"),
        arguments("2001:db8::1/32", "host bits are set; did you mean 2001:db8::/32?"),
        arguments("2001:DB8:0:0:1::/48", "host bits are set; did you mean 2001:db8::/48?"),
        arguments("::ffff:10.1.2.3/104", "host bits are set; did you mean 10.0.0.0/8?"),
        arguments("::ffff:10.0.0.0/80", "host bits are set; did you mean ::/80?"),
        // ranges
        arguments("10.0.0.1-10.0.0.9", RANGE),
        arguments("10.0.0.1 - 10.0.0.9", RANGE),
        arguments("10.0.0.1-9", RANGE),
        arguments("2001:db8::1-2001:db8::ff", RANGE),
        // IPv6 forms with an embedded IPv4 address
        arguments("::1.2.3", "in the IPv4 part 1.2.3: " + SHORTENED),
        arguments(
            "::ffff:256.0.0.1", "in the IPv4 part 256.0.0.1: octets must be between 0 and 255"),
        arguments("::ffff:1.2.3.4.5", "too many octets; an IPv4 address has four"),
        arguments("1.2.3.4::", LAST_32_BITS),
        arguments("::1.2.3.4:5", LAST_32_BITS),
        arguments("1.2.3.4::5", LAST_32_BITS),
        arguments("1:2:3:4:5:6:7:1.2.3.4", TOO_MANY_GROUPS),
        arguments("1:2:3:4:5:1.2.3.4", TOO_FEW_GROUPS),
        arguments("1:2:3:4:5:6::1.2.3.4", EMPTY_COMPRESSION),
        // IPv6 structure
        arguments("1:2:3:4:5:6:7:8:9", TOO_MANY_GROUPS),
        arguments(":::", "':::' is not valid"),
        arguments("1:::2", "':::' is not valid"),
        arguments("1::2::3", "'::' may appear only once"),
        arguments("::1::", "'::' may appear only once"),
        arguments("1:2:3:4::5:6:7:8", EMPTY_COMPRESSION),
        arguments("::1:2:3:4:5:6:7:8", EMPTY_COMPRESSION),
        arguments("1:2:3:4:5:6:7:8::", EMPTY_COMPRESSION),
        arguments("1:2:3:4:5:6:7", TOO_FEW_GROUPS),
        arguments("fe80:1", TOO_FEW_GROUPS),
        arguments(":1:2:3:4:5:6:7:8", "an IPv6 address cannot start with a single ':'"),
        arguments(":", "an IPv6 address cannot start with a single ':'"),
        arguments("1:2:3:4:5:6:7:8:", "an IPv6 address cannot end with a single ':'"),
        arguments("00001::", "group '00001' has more than 4 hexadecimal digits"),
        arguments("2001:0db8:00000::1", "group '00000' has more than 4 hexadecimal digits"),
        arguments("2001:db8::g", "'g' is not a group of hexadecimal digits"),
        arguments("2001:db8::1z", "'1z' is not a group of hexadecimal digits"),
        // IPv4 structure
        arguments("256.0.0.1", "octets must be between 0 and 255 (found 256)"),
        arguments("1.2.3.999", "octets must be between 0 and 255 (found 999)"),
        arguments("1.2.3.1000", "octets must be between 0 and 255 (found 1000)"),
        arguments("1.2.3.4.5", "too many octets; an IPv4 address has four"),
        arguments("1..2.3", "an octet is missing (check the dots)"),
        arguments("1.2.3.4.", "an octet is missing (check the dots)"),
        arguments(".1.2.3.4", "an octet is missing (check the dots)"),
        arguments("1.2.3.4e", "'4e' is not a decimal octet"),
        // whitespace and control characters
        arguments("10.0.0 .1", SPACES_INSIDE),
        arguments("1.2.3.4 5.6.7.8", SPACES_INSIDE + "; separate items with commas"),
        arguments("10.0.0.0 /8", SPACES_SLASH),
        arguments("10.0.0.0/ 8", SPACES_SLASH),
        arguments(" 10.0.0.1", "spaces around the address are not allowed"),
        arguments("10.0.0.1 ", "spaces around the address are not allowed"),
        arguments("10.0.0.1\t", TABS),
        arguments("\t10.0.0.1", TABS),
        arguments("10.0.0.1\u0000", "control characters are not allowed (found U+0000)"),
        arguments("\u000010.0.0.1", "control characters are not allowed (found U+0000)"),
        arguments("10.0.0.1\u000b", "control characters are not allowed (found U+000B)"),
        arguments("10.0.0.1\f", "control characters are not allowed (found U+000C)"),
        arguments("10.0.0.1\u001b[31m", "control characters are not allowed (found U+001B)"),
        arguments("10.0.0.1\u007f", "control characters are not allowed (found U+007F)"),
        arguments("10.0.0.1\u0085", "control characters are not allowed (found U+0085)"),
        arguments("10.0.0.1\n", "control characters are not allowed (found U+000A)"),
        arguments("10.0.0.1\r", "control characters are not allowed (found U+000D)"),
        // markup, injection and other punctuation
        arguments("<script>alert(1)</script>", "'<' " + NOT_ALLOWED),
        arguments("10.0.0.1<br>", "'<' " + NOT_ALLOWED),
        arguments("&lt;10.0.0.1&gt;", "'&' " + NOT_ALLOWED),
        arguments("\"10.0.0.1\"", "'\"' " + NOT_ALLOWED),
        arguments("'10.0.0.1'", "''' " + NOT_ALLOWED),
        arguments("10.0.0.1;", "';' " + NOT_ALLOWED),
        arguments("10.0.0.1' OR '1'='1", "''' " + NOT_ALLOWED),
        arguments("${jndi:ldap://x}", "'$' " + NOT_ALLOWED),
        arguments("user@10.0.0.1", "'@' " + NOT_ALLOWED),
        arguments("10.0.0.1#office", "'#' " + NOT_ALLOWED),
        arguments("10.0.0.*", "wildcards are not supported, enter a CIDR block like 10.0.0.0/24"),
        arguments("10.0.0.0,10.0.0.1", "enter one address per item; commas separate items"),
        // nothing, or far too much
        arguments("", "enter an IP address or CIDR block"),
        arguments("1".repeat(101), "too long to be an IP address or CIDR block"),
        arguments("1.1.1.1/" + "1".repeat(100), "too long to be an IP address or CIDR block"));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
  @MethodSource("corpus")
  void parseWhenMalformedThenRefusedWithReason(String input, String expectedReason) {
    assertThatExceptionOfType(IpFormatException.class)
        .isThrownBy(() -> IpBlock.parse(input))
        .satisfies(
            refusal -> {
              assertThat(refusal.input()).isEqualTo(input);
              assertThat(refusal.reason()).contains(expectedReason);
            });
    assertThat(IpBlock.tryParse(input)).isEmpty();
    assertThat(IpBlock.isValid(input)).isFalse();
  }

  /**
   * The corpus without the inputs a list reads differently: items that hold a separator or differ
   * only by surrounding spaces. Every other malformed input must be refused in a list with the very
   * same reason.
   */
  static Stream<Arguments> corpusAsListItems() {
    return corpus()
        .filter(
            arguments -> {
              String input = (String) arguments.get()[0];
              return !(input.isEmpty()
                  || input.indexOf(',') >= 0
                  || input.indexOf('\n') >= 0
                  || input.indexOf('\r') >= 0
                  || input.startsWith(" ")
                  || input.endsWith(" "));
            });
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @MethodSource("corpusAsListItems")
  void listParserWhenItemMalformedThenReportsTheSameReason(String input, String expectedReason) {
    IpList list = IpListParser.parse(input, IpListParser.MAX_ITEMS_PER_SUBMISSION);

    assertThat(list.invalidItems())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.input()).isEqualTo(input);
              assertThat(item.reason()).contains(expectedReason);
            });
  }

  @Test
  void corpusHoldsAtLeastOneHundredAndTwentyInputs() {
    assertThat(corpus().count()).isGreaterThanOrEqualTo(120);
  }
}
