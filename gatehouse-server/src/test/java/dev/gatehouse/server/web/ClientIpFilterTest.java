package dev.gatehouse.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.ClientIpResolver;
import dev.gatehouse.core.IpAddress;
import jakarta.servlet.ServletRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ClientIpFilterTest {

  private static ServletRequest filtered(
      List<String> trustedProxies, MockHttpServletRequest request) throws Exception {
    ClientIpFilter filter =
        new ClientIpFilter(
            ClientIpResolver.trusting(ClientIpConfiguration.trustedProxies(trustedProxies)),
            new RateLimitedLog(Duration.ofMinutes(1)));
    MockFilterChain chain = new MockFilterChain();
    filter.doFilter(request, new MockHttpServletResponse(), chain);
    return chain.getRequest();
  }

  private static MockHttpServletRequest from(String peer) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/accounts/acme/dashboard");
    request.setRemoteAddr(peer);
    return request;
  }

  @Test
  void remoteAddressIsTheCanonicalPeerWhenNoProxyIsTrusted() throws Exception {
    ServletRequest seen = filtered(List.of(), from("0:0:0:0:0:0:0:1"));

    assertThat(seen.getRemoteAddr()).isEqualTo("::1");
    assertThat(seen.getRemoteHost()).isEqualTo("::1");
    assertThat(seen.getAttribute(ClientIp.REQUEST_ATTRIBUTE)).isEqualTo(IpAddress.parse("::1"));
  }

  @Test
  void mappedIpv6PeerIsSeenAsItsIpv4Address() throws Exception {
    ServletRequest seen = filtered(List.of(), from("::ffff:203.0.113.7"));

    assertThat(seen.getRemoteAddr()).isEqualTo("203.0.113.7");
  }

  @Test
  void forwardingHeadersFromAnUntrustedPeerAreIgnored() throws Exception {
    MockHttpServletRequest request = from("198.51.100.9");
    request.addHeader("X-Forwarded-For", "10.0.0.1");
    request.addHeader("Forwarded", "for=10.0.0.1");

    ServletRequest seen = filtered(List.of("127.0.0.1"), request);

    assertThat(seen.getRemoteAddr()).isEqualTo("198.51.100.9");
  }

  @Test
  void forwardedClientOfATrustedProxyIsTheRightmostUntrustedHop() throws Exception {
    MockHttpServletRequest request = from("10.0.0.5");
    request.addHeader("X-Forwarded-For", "203.0.113.66, 198.51.100.20, 10.0.0.6");

    ServletRequest seen = filtered(List.of("10.0.0.0/24"), request);

    assertThat(seen.getRemoteAddr()).isEqualTo("198.51.100.20");
    assertThat(seen.getAttribute(ClientIp.REQUEST_ATTRIBUTE))
        .isEqualTo(IpAddress.parse("198.51.100.20"));
  }

  @Test
  void malformedHeaderFromATrustedProxyFallsBackToThePeer() throws Exception {
    MockHttpServletRequest request = from("10.0.0.5");
    request.addHeader("X-Forwarded-For", "not-an-address");

    ServletRequest seen = filtered(List.of("10.0.0.0/24"), request);

    assertThat(seen.getRemoteAddr()).isEqualTo("10.0.0.5");
  }

  @Test
  void invalidTrustedProxyConfigurationStopsStartUpNamingTheKey() {
    assertThatThrownBy(
            () -> ClientIpConfiguration.trustedProxies(List.of("10.0.0.0/24", "proxy.local")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gatehouse.trusted-proxies")
        .hasMessageContaining("proxy.local");
  }
}
