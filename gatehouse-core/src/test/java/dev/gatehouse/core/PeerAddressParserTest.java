package dev.gatehouse.core;

import static dev.gatehouse.core.Addresses.ip;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeerAddressParserTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "127.0.0.1|127.0.0.1",
        "0.0.0.0|0.0.0.0",
        "255.255.255.255|255.255.255.255",
        "0:0:0:0:0:0:0:1|::1",
        "::1|::1",
        "[::1]|::1",
        "::|::",
        "0:0:0:0:0:0:0:0|::",
        "::ffff:1.2.3.4|1.2.3.4",
        "0:0:0:0:0:ffff:102:304|1.2.3.4",
        "::FFFF:102:304|1.2.3.4",
        "[::ffff:203.0.113.7]|203.0.113.7",
        "2001:DB8::A|2001:db8::a",
        "2001:0db8:0000:0000:0000:0000:0000:000a|2001:db8::a",
        "fe80:0:0:0:1:2:3:4%eth0|fe80::1:2:3:4",
        "fe80::1%2|fe80::1",
        "[fe80::1%en0]|fe80::1",
        "1::|1::",
        "1:2:3:4:5:6:7::|1:2:3:4:5:6:7:0",
        "::2:3:4:5:6:7:8|0:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:1.2.3.4|1:2:3:4:5:6:102:304",
        "::1.2.3.4|::102:304",
        "64:ff9b::192.0.2.33|64:ff9b::c000:221",
        "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff|ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
        "1:22:333:4444:a:bb:ccc:dddd|1:22:333:4444:a:bb:ccc:dddd",
        "[1:2:3:4:5:6:7:8]|1:2:3:4:5:6:7:8",
      })
  void tryParseAcceptsContainerLiteralsAndGivesTheCanonicalAddress(
      String literal, String canonical) {
    assertThat(PeerAddressParser.tryParse(literal))
        .hasValueSatisfying(address -> assertThat(address.toString()).isEqualTo(canonical));
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "",
        " ",
        "1.2.3.4 ",
        " 1.2.3.4",
        "1.2.3",
        "1.2.3.4.5",
        "127.1",
        "010.0.0.1",
        "1.2.3.04",
        "256.0.0.1",
        "1.2.3.1000",
        "0x7f.0.0.1",
        "2130706433",
        "1.2.3.4:8080",
        "[1.2.3.4]",
        "1.2.3.4%eth0",
        "1.2.3.-4",
        "1.2.3.+4",
        "１.2.3.4",
        "localhost",
        ":",
        ":::",
        ":1::",
        "1::2::3",
        "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7",
        "1:2:3:4:5:6:7:8::",
        "1:2:3:4:5:6:7:8:",
        "1:2:3:4:5:6:7:12345",
        "1:2:3:4:5:6:7:g",
        "1:2:3:4::5:6:7:8",
        "1:2:3:4:5:6:7:",
        "::1:2:3:4:5:6:7:8",
        "1:",
        "12345::",
        "g::1",
        "::1.2.3",
        "::1.2.3.4:5",
        "1.2.3.4::",
        "::ffff:01.2.3.4",
        "1:2:3:4:5:6:7:1.2.3.4",
        "[::1",
        "::1]",
        "[]",
        "[::1]:80",
        "::1%",
        "[::1%]",
        "::1%eth 0",
        "::1%eth0%1",
        "::1/128",
        "::1\u0000",
      })
  void tryParseRejectsAnythingButAnAddressLiteral(String text) {
    assertThat(PeerAddressParser.tryParse(text)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1.2.3.4", "0.0.0.0", "255.255.255.255", "10.20.30.40"})
  void parseIpv4ReturnsTheUnsignedBits(String literal) {
    assertThat(PeerAddressParser.parseIpv4(literal))
        .isEqualTo(Integer.toUnsignedLong(ip(literal).ipv4Bits()));
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"::1", "1.2.3", "01.2.3.4", "", "::ffff:1.2.3.4"})
  void parseIpv4ReturnsTheSentinelForAnythingElse(String text) {
    assertThat(PeerAddressParser.parseIpv4(text)).isEqualTo(PeerAddressParser.NOT_IPV4);
  }

  @ParameterizedTest(name = "[{0}]")
  @MethodSource("dev.gatehouse.core.IpBlockMalformedCorpusTest#corpus")
  void literalParsingAgreesWithTheStrictParserOnTheMalformedInputCorpus(String input) {
    assertThat(Optional.ofNullable(PeerAddressParser.parseLiteral(input, 0, input.length())))
        .isEqualTo(IpAddress.tryParse(input));
  }

  @Test
  void parseIpv4OfNullReturnsTheSentinel() {
    assertThat(PeerAddressParser.parseIpv4(null)).isEqualTo(PeerAddressParser.NOT_IPV4);
    assertThat(PeerAddressParser.tryParse(null)).isEmpty();
  }

  @Test
  void testHandsMappedAddressesToTheIpv4Method() {
    int[] seen = new int[2];
    PeerAddressParser.AddressPredicate recorder =
        new PeerAddressParser.AddressPredicate() {
          @Override
          public boolean testIpv4(int bits) {
            seen[0] = bits;
            return true;
          }

          @Override
          public boolean testIpv6(long high, long low) {
            seen[1]++;
            return true;
          }
        };
    assertThat(PeerAddressParser.test("::ffff:192.0.2.1", recorder)).isTrue();
    assertThat(seen[0]).isEqualTo(0xc000_0201);
    assertThat(seen[1]).isZero();
  }
}
