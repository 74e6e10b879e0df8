package dev.gatehouse.core;

import static dev.gatehouse.core.Addresses.block;
import static dev.gatehouse.core.Addresses.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientIpResolverTest {

  private static final String PROXY = "10.0.0.1";

  /** Trusts the load balancers 10.0.0.0/24 and 2001:db8:ffff::/48. */
  private final ClientIpResolver resolver =
      ClientIpResolver.trusting(List.of(block("10.0.0.0/24"), block("2001:db8:ffff::/48")));

  private static List<String> lines(String... lines) {
    return Arrays.asList(lines);
  }

  private static final List<String> NONE = List.of();

  private ClientIpResolution viaProxy(List<String> xForwardedFor, List<String> forwarded) {
    return resolver.resolve(PROXY, xForwardedFor, forwarded);
  }

  private static void assertClient(ClientIpResolution resolution, String expected) {
    assertThat(resolution.clientIp()).isEqualTo(ip(expected));
    assertThat(resolution.warning()).isEmpty();
  }

  private static void assertFallbackToProxy(ClientIpResolution resolution, String warningPart) {
    assertThat(resolution.clientIp()).isEqualTo(ip(PROXY));
    assertThat(resolution.warning()).hasValueSatisfying(w -> assertThat(w).contains(warningPart));
  }

  // --- untrusted peers ---

  @Test
  void resolveWhenNoProxyIsTrustedThenPeerAndHeadersIgnored() {
    ClientIpResolution resolution =
        ClientIpResolver.none()
            .resolve("203.0.113.9", lines("198.51.100.1"), lines("for=198.51.100.2"));
    assertClient(resolution, "203.0.113.9");
  }

  @Test
  void resolveWhenPeerIsUntrustedThenForgedXForwardedForIsIgnored() {
    assertClient(resolver.resolve("203.0.113.9", lines("10.0.0.7"), NONE), "203.0.113.9");
  }

  @Test
  void resolveWhenPeerIsUntrustedThenForgedForwardedIsIgnored() {
    assertClient(resolver.resolve("203.0.113.9", NONE, lines("for=10.0.0.7")), "203.0.113.9");
  }

  @Test
  void resolveWhenPeerIsUntrustedThenEvenGarbageHeadersGiveNoWarning() {
    assertClient(
        resolver.resolve("203.0.113.9", lines("garbage"), lines("for=\"unterminated")),
        "203.0.113.9");
  }

  // --- trusted peer, X-Forwarded-For ---

  @Test
  void resolveWhenTrustedPeerSendsNoHeadersThenPeer() {
    assertClient(viaProxy(NONE, NONE), PROXY);
  }

  @Test
  void resolveWhenTrustedPeerSendsOnlyBlankLinesThenPeerWithoutWarning() {
    assertClient(viaProxy(lines("", "  "), lines(" ")), PROXY);
  }

  @Test
  void resolveWhenTrustedPeerForwardsOneAddressThenThatAddress() {
    assertClient(viaProxy(lines("203.0.113.7"), NONE), "203.0.113.7");
  }

  @Test
  void resolveWhenAttackerPrependsAChainThenRightMostUntrustedAddress() {
    assertClient(viaProxy(lines("6.6.6.6, 203.0.113.7"), NONE), "203.0.113.7");
  }

  @Test
  void resolveWhenAttackerPrependsATrustedLookingAddressThenRightMostUntrustedAddress() {
    // The client claims to be one of our proxies; the proxy appended the real address.
    assertClient(viaProxy(lines("10.0.0.5, 203.0.113.7"), NONE), "203.0.113.7");
  }

  @Test
  void resolveSkipsTrustedProxiesFromTheRight() {
    assertClient(viaProxy(lines("6.6.6.6, 203.0.113.7, 10.0.0.2, 10.0.0.3"), NONE), "203.0.113.7");
  }

  @Test
  void resolveWhenEveryHopIsTrustedThenLeftMostHop() {
    assertClient(viaProxy(lines("10.0.0.9, 10.0.0.2"), NONE), "10.0.0.9");
  }

  @Test
  void resolveCombinesSeveralHeaderLinesInOrder() {
    assertClient(viaProxy(lines("6.6.6.6", "203.0.113.7, 10.0.0.2"), NONE), "203.0.113.7");
    assertClient(viaProxy(lines("203.0.113.7", "10.0.0.2", "10.0.0.3"), NONE), "203.0.113.7");
  }

  @Test
  void resolveIgnoresSpacesTabsAndEmptyItems() {
    assertClient(viaProxy(lines(" 6.6.6.6 ,, \t203.0.113.7\t, ,10.0.0.2 , "), NONE), "203.0.113.7");
  }

  @Test
  void resolveIgnoresGarbageLeftOfTheClient() {
    assertClient(viaProxy(lines("<script>, 'or 1=1, unknown, 203.0.113.7"), NONE), "203.0.113.7");
  }

  @Test
  void resolveReadsIpv6AndMappedAddressesInXForwardedFor() {
    assertClient(viaProxy(lines("2001:db8::7"), NONE), "2001:db8::7");
    assertClient(viaProxy(lines("[2001:db8::7]"), NONE), "2001:db8::7");
    assertClient(viaProxy(lines("[2001:db8::7]:4711"), NONE), "2001:db8::7");
    assertClient(viaProxy(lines("::ffff:203.0.113.7"), NONE), "203.0.113.7");
    assertClient(viaProxy(lines("203.0.113.7:51234"), NONE), "203.0.113.7");
  }

  @Test
  void resolveSkipsMappedFormsOfTrustedProxies() {
    assertClient(viaProxy(lines("203.0.113.7, ::ffff:10.0.0.2"), NONE), "203.0.113.7");
  }

  @Test
  void resolveWhenTrustedIpv6PeerForwardsThenClient() {
    assertClient(
        resolver.resolve("2001:db8:ffff:0:0:0:0:1", lines("203.0.113.7"), NONE), "203.0.113.7");
    assertClient(resolver.resolve("::ffff:10.0.0.1", lines("203.0.113.7"), NONE), "203.0.113.7");
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "garbage",
        "203.0.113",
        "203.0.113.07",
        "203.0.113.7.1",
        "2130706433",
        "example.com",
        "[203.0.113.7]",
        "203.0.113.7:",
        "203.0.113.7:123456",
        "[2001:db8::1",
        "fe80::1%eth0",
        "2001:db8::1:4711x",
        "1.2.3.4 5.6.7.8",
        "_hidden",
      })
  void resolveWhenReachedHopIsGarbageThenPeerWithWarning(String hop) {
    assertFallbackToProxy(viaProxy(lines("203.0.113.7, " + hop), NONE), "is not an IP address");
  }

  @Test
  void resolveWhenReachedHopIsUnknownThenPeerWithWarning() {
    assertFallbackToProxy(viaProxy(lines("203.0.113.7, unknown"), NONE), "\"unknown\"");
  }

  @Test
  void resolveWhenGarbageIsReachedThroughTrustedHopsThenPeerWithWarning() {
    assertFallbackToProxy(
        viaProxy(lines("6.6.6.6, nonsense, 10.0.0.2"), NONE),
        "X-Forwarded-For hop \"nonsense\" is not an IP address");
  }

  @Test
  void resolveWarningReplacesControlCharactersAndCutsLongHops() {
    String hop = "evil\r\nFAKE LOG LINE" + "x".repeat(500);
    ClientIpResolution resolution = viaProxy(lines(hop), NONE);
    assertThat(resolution.clientIp()).isEqualTo(ip(PROXY));
    String warning = resolution.warning().orElseThrow();
    assertThat(warning).doesNotContain("\r").doesNotContain("\n").contains("evil??FAKE LOG LINE");
    assertThat(warning.length()).isLessThan(300);
  }

  @Test
  void resolveLooksAtNoMoreThanTheMaximumNumberOfHops() {
    List<String> trustedHops = Collections.nCopies(ClientIpResolver.MAX_HOPS, "10.0.0.2");
    String chain = "203.0.113.7, " + String.join(", ", trustedHops);
    assertFallbackToProxy(viaProxy(lines(chain), NONE), "more than 64 hops");
    List<String> fewer = Collections.nCopies(ClientIpResolver.MAX_HOPS - 1, "10.0.0.2");
    assertClient(viaProxy(lines("203.0.113.7, " + String.join(", ", fewer)), NONE), "203.0.113.7");
  }

  @Test
  void resolveWhenHeadersAreHugeThenStillAnswersFromTheRight() {
    String huge = "6.6.6.6, ".repeat(100_000) + "203.0.113.7";
    assertClient(viaProxy(lines(huge), NONE), "203.0.113.7");
    List<String> manyLines = new ArrayList<>(Collections.nCopies(100_000, "garbage"));
    manyLines.add("203.0.113.7");
    assertClient(viaProxy(manyLines, NONE), "203.0.113.7");
    String hugeForwarded = "for=6.6.6.6, ".repeat(100_000) + "for=203.0.113.7";
    assertClient(viaProxy(NONE, lines(hugeForwarded)), "203.0.113.7");
  }

  @Test
  void resolveToleratesNullLines() {
    assertClient(viaProxy(lines(null, "203.0.113.7"), lines((String) null)), "203.0.113.7");
  }

  // --- trusted peer, Forwarded ---

  @Test
  void resolveReadsForwardedForValues() {
    assertClient(viaProxy(NONE, lines("for=203.0.113.7")), "203.0.113.7");
    assertClient(viaProxy(NONE, lines("for=\"203.0.113.7\"")), "203.0.113.7");
    assertClient(viaProxy(NONE, lines("for=\"203.0.113.7:8080\"")), "203.0.113.7");
    assertClient(viaProxy(NONE, lines("for=\"[2001:db8::1]:4711\"")), "2001:db8::1");
    assertClient(viaProxy(NONE, lines("for=\"[2001:db8::1]\"")), "2001:db8::1");
    assertClient(viaProxy(NONE, lines("for=\"[::ffff:203.0.113.7]\"")), "203.0.113.7");
    assertClient(viaProxy(NONE, lines("for=\"203.0.113.7:_port1\"")), "203.0.113.7");
  }

  @Test
  void resolveReadsForwardedParameterNamesCaseInsensitively() {
    assertClient(viaProxy(NONE, lines("For=203.0.113.7;PROTO=https")), "203.0.113.7");
    assertClient(
        viaProxy(NONE, lines("proto=https; FOR=203.0.113.7 ; by=10.0.0.1")), "203.0.113.7");
  }

  @Test
  void resolveReadsSeveralForwardedElementsAndLinesRightToLeft() {
    assertClient(
        viaProxy(NONE, lines("for=6.6.6.6, for=203.0.113.7;proto=http", "for=10.0.0.2")),
        "203.0.113.7");
    assertClient(
        viaProxy(NONE, lines("for=6.6.6.6", "for=\"[2001:db8::9]\";by=_lb, for=10.0.0.2")),
        "2001:db8::9");
  }

  @Test
  void resolveUnescapesQuotedForwardedValues() {
    assertClient(viaProxy(NONE, lines("for=\"203.0.\\113.7\";host=\"a\\\"b\"")), "203.0.113.7");
  }

  @Test
  void resolveIgnoresUnusableForwardedHopsLeftOfTheClient() {
    assertClient(
        viaProxy(NONE, lines("for=unknown, for=_hidden, for=\"garbage\", for=203.0.113.7")),
        "203.0.113.7");
  }

  @Test
  void resolveWhenForwardedHopReachedIsUnknownThenPeerWithWarning() {
    assertFallbackToProxy(viaProxy(NONE, lines("for=203.0.113.7, for=unknown")), "\"unknown\"");
    assertFallbackToProxy(viaProxy(NONE, lines("for=203.0.113.7, for=UNKNOWN")), "\"unknown\"");
  }

  @Test
  void resolveWhenForwardedHopReachedIsObfuscatedThenPeerWithWarning() {
    assertFallbackToProxy(
        viaProxy(NONE, lines("for=203.0.113.7, for=_SEVKISEK")), "obfuscated identifier");
  }

  @Test
  void resolveWhenForwardedElementReachedHasNoForThenPeerWithWarning() {
    assertFallbackToProxy(
        viaProxy(NONE, lines("for=203.0.113.7, proto=https")), "element without for=");
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "for=2001:db8::1",
        "for=\"2001:db8::1\"",
        "for=\"[2001:db8::1]:\"",
        "for=\"[2001:db8::1]:123456\"",
        "for=\"[203.0.113.8]\"",
        "for=\"203.0.113.8:\"",
        "for=\"_not valid\"",
        "for=\"[fe80::1%25eth0]\"",
        "for=\"203.0.113.8 \"",
      })
  void resolveWhenForwardedHopReachedIsNotANodeThenPeerWithWarning(String element) {
    ClientIpResolution resolution = viaProxy(NONE, lines("for=203.0.113.7, " + element));
    assertThat(resolution.clientIp()).isEqualTo(ip(PROXY));
    assertThat(resolution.warning()).isPresent();
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "for=\"203.0.113.7",
        "for=\"203.0.113.7\\",
        "for=203.0.113.7:80",
        "for=[2001:db8::1]",
        "for=",
        "for",
        "=203.0.113.7",
        "for =203.0.113.7",
        "for= 203.0.113.7",
        "for=203.0.113.7;for=203.0.113.8",
        "for=\"203.0.113.7\"x",
        "for=203.0.113.7 proto=http",
        "for=\"\"",
        "for=\"a\u0001b\"",
        "for=203.0.113.7/24",
      })
  void resolveWhenForwardedIsMalformedThenPeerWithWarning(String header) {
    assertFallbackToProxy(viaProxy(NONE, lines(header)), "Forwarded is malformed");
  }

  @Test
  void resolveWhenForwardedIsMalformedAnywhereThenPeerEvenIfTheRightEndIsFine() {
    assertFallbackToProxy(
        viaProxy(NONE, lines("for=\"6.6.6.6", "for=203.0.113.7")), "Forwarded is malformed");
  }

  // --- both headers ---

  @Test
  void resolveWhenBothHeadersNameTheSameClientThenThatClient() {
    assertClient(
        viaProxy(lines("6.6.6.6, 203.0.113.7"), lines("for=203.0.113.7;proto=https")),
        "203.0.113.7");
  }

  @Test
  void resolveWhenForwardedAndXForwardedForDisagreeThenPeerWithWarning() {
    // A proxy that writes only X-Forwarded-For passes a forged Forwarded header through.
    assertFallbackToProxy(
        viaProxy(lines("203.0.113.7"), lines("for=198.51.100.1")),
        "Forwarded names client 198.51.100.1 but X-Forwarded-For names 203.0.113.7");
  }

  @Test
  void resolveWhenOneOfBothHeadersIsUnusableThenPeerWithWarning() {
    assertFallbackToProxy(viaProxy(lines("203.0.113.7"), lines("for=\"broken")), "malformed");
    assertFallbackToProxy(viaProxy(lines("garbage"), lines("for=203.0.113.7")), "garbage");
  }

  // --- arguments ---

  @Test
  void resolveWhenPeerAddressIsNotALiteralThenThrowsNamingIt() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> resolver.resolve("proxy.example", NONE, NONE))
        .withMessageContaining("peerAddress")
        .withMessageContaining("\"proxy.example\"");
  }

  @Test
  void resolveAcceptsContainerFormsOfThePeerAddress() {
    assertClient(ClientIpResolver.none().resolve("0:0:0:0:0:0:0:1", NONE, NONE), "0:0:0:0:0:0:0:1");
    assertClient(ClientIpResolver.none().resolve("fe80:0:0:0:0:0:0:1%eth0", NONE, NONE), "fe80::1");
  }

  @Test
  void isTrustedProxyAnswersForTheConfiguredBlocksOnly() {
    assertThat(resolver.isTrustedProxy(ip("10.0.0.200"))).isTrue();
    assertThat(resolver.isTrustedProxy(ip("10.0.1.1"))).isFalse();
    assertThat(resolver.isTrustedProxy(null)).isFalse();
    assertThat(ClientIpResolver.none().isTrustedProxy(ip("10.0.0.1"))).isFalse();
  }
}
