package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Canonical text round-trips, checked against a formatter written here independently of the
 * production one, and against the JDK's literal parsing.
 */
class IpTextRoundTripTest {

  @Property
  void ipv4CanonicalTextIsTheDottedQuadAndParsesBack(@ForAll int bits) {
    String expected =
        (bits >>> 24)
            + "."
            + ((bits >>> 16) & 0xff)
            + "."
            + ((bits >>> 8) & 0xff)
            + "."
            + (bits & 0xff);
    IpAddress address = IpAddress.ofIpv4(bits);

    assertThat(address).hasToString(expected);
    assertThat(IpAddress.parse(expected)).isEqualTo(address);
  }

  @Property
  void ipv6CanonicalTextFollowsRfc5952AndParsesBack(@ForAll("ipv6Groups") int[] groups) {
    IpAddress address = IpAddress.ofIpv6(half(groups, 0), half(groups, 4));
    String text = address.toString();

    if (isMapped(groups)) {
      assertThat(address.family()).isEqualTo(IpFamily.IPV4);
    } else {
      assertThat(text).isEqualTo(rfc5952(groups));
    }
    assertThat(IpAddress.parse(text)).isEqualTo(address);
  }

  @Property
  void ipv6FullUpperCaseZeroPaddedFormParsesToTheSameAddress(@ForAll("ipv6Groups") int[] groups) {
    StringBuilder full = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      full.append(i == 0 ? "" : ":").append(String.format(Locale.ROOT, "%04X", groups[i]));
    }

    assertThat(IpAddress.parse(full.toString()))
        .isEqualTo(IpAddress.ofIpv6(half(groups, 0), half(groups, 4)));
  }

  @Property
  void ipv6ParsesToTheSameBytesAsTheJdk(@ForAll("ipv6Groups") int[] groups)
      throws UnknownHostException {
    String text = rfc5952(groups);
    // Test only: a colon makes this a literal for the JDK, never a name to look up.
    byte[] jdk = InetAddress.getByName(text).getAddress();

    assertThat(IpAddress.parse(text).toBytes()).isEqualTo(jdk);
  }

  @Property
  void ipv4ParsesToTheSameBytesAsTheJdk(@ForAll int bits) throws UnknownHostException {
    byte[] bytes = {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
    String text =
        (bytes[0] & 0xff)
            + "."
            + (bytes[1] & 0xff)
            + "."
            + (bytes[2] & 0xff)
            + "."
            + (bytes[3] & 0xff);

    assertThat(IpAddress.parse(text).toBytes()).isEqualTo(bytes);
    assertThat(InetAddress.getByAddress(bytes).getHostAddress()).isEqualTo(text);
  }

  @Property
  void blockCanonicalTextParsesBackToTheSameBlock(
      @ForAll("ipv6Groups") int[] groups,
      @ForAll boolean ipv4,
      @ForAll @IntRange(min = 1, max = 128) int prefix) {
    IpAddress address =
        ipv4
            ? IpAddress.ofIpv4((int) half(groups, 4))
            : IpAddress.ofIpv6(half(groups, 0), half(groups, 4));
    int bits = address.family().bits();
    IpBlock block = IpBlock.containing(address, Math.min(prefix, bits));
    if (block.isSingleAddress() && block.network().isUnspecified()) {
      return; // refused as an entry, by design
    }

    IpBlock parsed = IpBlock.parse(block.toString());

    assertThat(parsed).isEqualTo(block);
    assertThat(parsed.toString().endsWith("/" + bits)).isFalse();
  }

  @Property
  void anyTextIsEitherRefusedWithAReasonOrRoundTrips(@ForAll("addressLikeText") String text) {
    IpTextParser.Parsed<IpBlock> parsed = IpTextParser.parseBlock(text);

    if (parsed.value() == null) {
      assertThat(parsed.reason()).isNotBlank();
    } else {
      assertThat(IpBlock.parse(parsed.value().toString())).isEqualTo(parsed.value());
    }
  }

  @Provide
  Arbitrary<int[]> ipv6Groups() {
    // Zero groups are frequent so that runs of zeros, and their ties, get compressed.
    Arbitrary<Integer> group =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, Arbitraries.just(0)),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(0xffff)),
            net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0, 0xffff)));
    return group.array(int[].class).ofSize(8);
  }

  @Provide
  Arbitrary<String> addressLikeText() {
    Arbitrary<String> noise =
        Arbitraries.strings().withChars("0123456789abcdefABCDEFx.:/%[]- ").ofMaxLength(45);
    Arbitrary<String> mutated =
        Combinators.combine(
                ipv6Groups(),
                Arbitraries.integers().between(0, 40),
                Arbitraries.of("", ".", ":", "::", "0", "/", "/8", "/64", "1.2.3.4", "f"))
            .as(
                (groups, at, insert) -> {
                  String base = rfc5952(groups);
                  int position = Math.min(at, base.length());
                  return base.substring(0, position) + insert + base.substring(position);
                });
    return Arbitraries.oneOf(noise, mutated);
  }

  private static long half(int[] groups, int from) {
    long value = 0;
    for (int i = from; i < from + 4; i++) {
      value = (value << 16) | groups[i];
    }
    return value;
  }

  private static boolean isMapped(int[] groups) {
    return groups[0] == 0
        && groups[1] == 0
        && groups[2] == 0
        && groups[3] == 0
        && groups[4] == 0
        && groups[5] == 0xffff;
  }

  /**
   * RFC 5952 section 4, written as the RFC words it: lower-case hex without leading zeros; the
   * longest run of two or more zero groups replaced by "::", the first such run on a tie.
   */
  private static String rfc5952(int[] groups) {
    String[] hex = new String[8];
    for (int i = 0; i < 8; i++) {
      hex[i] = Integer.toHexString(groups[i]);
    }
    String full = String.join(":", hex);
    for (int length = 8; length >= 2; length--) {
      String run = ":" + String.join(":", java.util.Collections.nCopies(length, "0")) + ":";
      String padded = ":" + full + ":";
      int at = padded.indexOf(run);
      if (at >= 0) {
        String compressed = padded.substring(0, at) + "::" + padded.substring(at + run.length());
        // Remove the padding colons again, except where they are part of "::".
        if (compressed.startsWith(":") && !compressed.startsWith("::")) {
          compressed = compressed.substring(1);
        }
        if (compressed.endsWith(":") && !compressed.endsWith("::")) {
          compressed = compressed.substring(0, compressed.length() - 1);
        }
        return compressed;
      }
    }
    return full;
  }
}
