package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressParseTest {

  /** Valid literals with their canonical text, written down from RFC 5952 and real behaviour. */
  static Stream<Arguments> validLiterals() {
    return Stream.of(
        arguments("0.0.0.0", "0.0.0.0"),
        arguments("127.0.0.1", "127.0.0.1"),
        arguments("255.255.255.255", "255.255.255.255"),
        arguments("10.0.0.1", "10.0.0.1"),
        arguments("192.168.1.254", "192.168.1.254"),
        arguments("100.64.0.0", "100.64.0.0"),
        arguments("::", "::"),
        arguments("::1", "::1"),
        arguments("1::", "1::"),
        arguments("2001:db8::1", "2001:db8::1"),
        arguments("2001:DB8::1", "2001:db8::1"),
        arguments("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
        arguments("fe80::1", "fe80::1"),
        arguments("FE80::ABCD:ef01", "fe80::abcd:ef01"),
        arguments("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"),
        arguments("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"),
        arguments("::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8"),
        arguments(
            "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"),
        arguments("1:0:0:0:0:0:0:0", "1::"),
        arguments("0:0:0:0:0:0:0:1", "::1"),
        // RFC 5952 section 4 examples
        arguments("2001:0db8::0001", "2001:db8::1"),
        arguments("2001:db8:0:0:0:0:2:1", "2001:db8::2:1"),
        arguments("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),
        arguments("2001:0:0:1:0:0:0:1", "2001:0:0:1::1"),
        arguments("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
        arguments("2001:db8::aaaa:0:0:1", "2001:db8::aaaa:0:0:1"),
        arguments("2001:db8:0:0:aaaa::1", "2001:db8::aaaa:0:0:1"),
        // IPv4-mapped addresses are the IPv4 address they map
        arguments("::ffff:1.2.3.4", "1.2.3.4"),
        arguments("::FFFF:1.2.3.4", "1.2.3.4"),
        arguments("::ffff:0102:0304", "1.2.3.4"),
        arguments("0:0:0:0:0:ffff:102:304", "1.2.3.4"),
        arguments("0:0:0:0:0:FFFF:203.0.113.7", "203.0.113.7"),
        // other forms embedding IPv4 stay IPv6
        arguments("64:ff9b::1.2.3.4", "64:ff9b::102:304"),
        arguments("::1.2.3.4", "::102:304"),
        arguments("2002:c000:0204::1", "2002:c000:204::1"),
        arguments("1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304"),
        arguments("::ffff:0:1.2.3.4", "::ffff:0:102:304"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("validLiterals")
  void parseWhenValidLiteralThenCanonicalText(String literal, String canonical) {
    assertThat(IpAddress.parse(literal)).hasToString(canonical);
    assertThat(IpAddress.parse(canonical)).isEqualTo(IpAddress.parse(literal));
    assertThat(IpAddress.isValid(literal)).isTrue();
    assertThat(IpAddress.tryParse(literal)).contains(IpAddress.parse(canonical));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validLiterals")
  void parseWhenValidLiteralThenSameBytesAsTheJdk(String literal, String canonical)
      throws UnknownHostException {
    // Test only: every literal here is a numeric literal the JDK parses without any lookup.
    byte[] jdk = InetAddress.getByName(literal).getAddress();

    assertThat(IpAddress.parse(literal).toBytes()).isEqualTo(jdk);
  }

  @Test
  void parseWhenIpv4MappedThenEqualsTheIpv4Address() {
    assertThat(IpAddress.parse("::ffff:203.0.113.7"))
        .isEqualTo(IpAddress.ofIpv4(0xcb00_7107))
        .extracting(IpAddress::family)
        .isEqualTo(IpFamily.IPV4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"64:ff9b::1.2.3.4", "::1.2.3.4", "2002:102:304::"})
  void parseWhenIpv4EmbeddedButNotMappedThenStaysIpv6(String literal) {
    IpAddress address = IpAddress.parse(literal);

    assertThat(address.family()).isEqualTo(IpFamily.IPV6);
    assertThat(address).isNotEqualTo(IpAddress.parse("1.2.3.4"));
  }

  @Test
  void parseWhenUnspecifiedThenAcceptedAsAnAddress() {
    assertThat(IpAddress.parse("0.0.0.0").isUnspecified()).isTrue();
    assertThat(IpAddress.parse("::").isUnspecified()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/8", "2001:db8::/32", "10.0.0.1/32", "::1/128"})
  void parseWhenCidrThenRefusedAsNotASingleAddress(String block) {
    assertThatExceptionOfType(IpFormatException.class)
        .isThrownBy(() -> IpAddress.parse(block))
        .withMessage("\"" + block + "\": expected a single address, not a block");
    assertThat(IpAddress.isValid(block)).isFalse();
  }

  static Stream<Arguments> malformedAddresses() {
    return Stream.of(
        arguments("010.0.0.1", "leading zeros are ambiguous (octal or decimal?)"),
        arguments(
            "127.1", "shortened addresses are not allowed, enter all four octets like 10.0.0.1"),
        arguments("localhost", "hostnames are not allowed, enter an IP address"),
        arguments("fe80::1%eth0", "zone ids are not allowed"),
        arguments("[::1]", "brackets are not allowed, enter the address without [ ]"),
        arguments(" 1.2.3.4", "spaces around the address are not allowed"),
        arguments("1.2.3.4\t", "tabs are not allowed"),
        arguments(
            "1:2:3:4::5:6:7:8",
            "'::' must stand for at least one zero group, but all 8 groups are given"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedAddresses")
  void parseWhenMalformedThenRefusedWithReason(String input, String reason) {
    assertThatExceptionOfType(IpFormatException.class)
        .isThrownBy(() -> IpAddress.parse(input))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(reason));
    assertThat(IpAddress.tryParse(input)).isEmpty();
  }

  @Test
  void tryParseWhenNullThenEmpty() {
    assertThat(IpAddress.tryParse(null)).isEmpty();
    assertThat(IpAddress.isValid(null)).isFalse();
  }

  @Test
  void exceptionMessageQuotesTheInputThenGivesTheReason() {
    assertThatExceptionOfType(IpFormatException.class)
        .isThrownBy(() -> IpAddress.parse("127.1"))
        .withMessage(
            "\"127.1\": shortened addresses are not allowed, enter all four octets like 10.0.0.1")
        .satisfies(
            e -> {
              assertThat(e.input()).isEqualTo("127.1");
              assertThat(e.reason())
                  .isEqualTo(
                      "shortened addresses are not allowed, enter all four octets like 10.0.0.1");
            });
  }
}
