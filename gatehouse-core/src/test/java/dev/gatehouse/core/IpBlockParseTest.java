package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpBlockParseTest {

  static Stream<Arguments> validEntries() {
    return Stream.of(
        arguments("10.0.0.0/8", "10.0.0.0/8", IpFamily.IPV4, 8),
        arguments("192.168.1.0/24", "192.168.1.0/24", IpFamily.IPV4, 24),
        arguments("203.0.113.7", "203.0.113.7", IpFamily.IPV4, 32),
        arguments("203.0.113.7/32", "203.0.113.7", IpFamily.IPV4, 32),
        arguments("128.0.0.0/1", "128.0.0.0/1", IpFamily.IPV4, 1),
        arguments("0.0.0.0/1", "0.0.0.0/1", IpFamily.IPV4, 1),
        arguments("0.0.0.0/8", "0.0.0.0/8", IpFamily.IPV4, 8),
        arguments("255.255.255.255", "255.255.255.255", IpFamily.IPV4, 32),
        arguments("2001:DB8::/32", "2001:db8::/32", IpFamily.IPV6, 32),
        arguments("2001:db8:0:0::/64", "2001:db8::/64", IpFamily.IPV6, 64),
        arguments("2001:db8::1/128", "2001:db8::1", IpFamily.IPV6, 128),
        arguments("::1", "::1", IpFamily.IPV6, 128),
        arguments("::/1", "::/1", IpFamily.IPV6, 1),
        arguments("fe80::/10", "fe80::/10", IpFamily.IPV6, 10),
        // IPv4-mapped: the prefix counts IPv6 bits, so /104 is an IPv4 /8
        arguments("::ffff:10.0.0.0/104", "10.0.0.0/8", IpFamily.IPV4, 8),
        arguments("::ffff:203.0.113.7", "203.0.113.7", IpFamily.IPV4, 32),
        arguments("::ffff:203.0.113.7/128", "203.0.113.7", IpFamily.IPV4, 32),
        arguments("::FFFF:c000:0200/120", "192.0.2.0/24", IpFamily.IPV4, 24),
        arguments("::ffff:0.0.0.0/97", "0.0.0.0/1", IpFamily.IPV4, 1),
        // NAT64, IPv4-compatible and 6to4 stay IPv6
        arguments("64:ff9b::/96", "64:ff9b::/96", IpFamily.IPV6, 96),
        arguments("64:ff9b::192.0.2.33", "64:ff9b::c000:221", IpFamily.IPV6, 128),
        arguments("::192.0.2.33", "::c000:221", IpFamily.IPV6, 128),
        arguments("2002::/16", "2002::/16", IpFamily.IPV6, 16),
        arguments("::fffe:0:0/96", "::fffe:0:0/96", IpFamily.IPV6, 96));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("validEntries")
  void parseWhenValidEntryThenCanonicalBlock(
      String input, String canonical, IpFamily family, int prefixLength) {
    IpBlock block = IpBlock.parse(input);

    assertThat(block).hasToString(canonical);
    assertThat(block.family()).isEqualTo(family);
    assertThat(block.prefixLength()).isEqualTo(prefixLength);
    assertThat(IpBlock.parse(canonical)).isEqualTo(block);
    assertThat(IpBlock.isValid(input)).isTrue();
    assertThat(IpBlock.tryParse(input)).contains(block);
  }

  @Test
  void parseWhenNat64ThenNeverContainsTheEmbeddedIpv4Address() {
    IpBlock nat64 = IpBlock.parse("64:ff9b::/96");

    assertThat(nat64.contains(IpAddress.parse("192.0.2.33"))).isFalse();
    assertThat(nat64.contains(IpAddress.parse("64:ff9b::192.0.2.33"))).isTrue();
  }

  @Test
  void parseWhenMappedBlockThenContainsTheIpv4Addresses() {
    IpBlock mapped = IpBlock.parse("::ffff:10.0.0.0/104");

    assertThat(mapped.contains(IpAddress.parse("10.255.255.255"))).isTrue();
    assertThat(mapped.contains(IpAddress.parse("::ffff:10.1.2.3"))).isTrue();
    assertThat(mapped.contains(IpAddress.parse("11.0.0.0"))).isFalse();
  }

  /** The whole IPv4-mapped range is every IPv4 address: the IPv4 /0. */
  @ParameterizedTest
  @ValueSource(strings = {"::ffff:0.0.0.0/96", "::ffff:0:0/96", "0:0:0:0:0:FFFF:0:0/96"})
  void parseWhenWholeMappedRangeThenRefusedAsAllowingEveryone(String input) {
    assertThatExceptionOfType(IpFormatException.class)
        .isThrownBy(() -> IpBlock.parse(input))
        .satisfies(
            e ->
                assertThat(e.reason())
                    .isEqualTo("a /0 block allows everyone; turn IP whitelisting off instead"));
  }

  @Test
  void addWhenHostBitsSetThenRejectedWithSuggestion() {
    assertThatExceptionOfType(IpFormatException.class)
        .isThrownBy(() -> IpBlock.parse("10.1.2.3/8"))
        .withMessage("\"10.1.2.3/8\": host bits are set; did you mean 10.0.0.0/8?");
  }

  @Test
  void tryParseWhenNullThenEmpty() {
    assertThat(IpBlock.tryParse(null)).isEmpty();
    assertThat(IpBlock.isValid(null)).isFalse();
  }
}
