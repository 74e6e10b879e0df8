package dev.gatehouse.server.web;

import dev.gatehouse.core.IpAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The client IP of a request as Gatehouse enforces it: the TCP peer, or, when the peer is a trusted
 * proxy ({@code gatehouse.trusted-proxies}), the right-most forwarded address that is not itself a
 * trusted proxy. Resolved once per request by {@link ClientIpFilter}, before anything else runs;
 * {@code request.getRemoteAddr()} returns its canonical text too.
 */
public final class ClientIp {

  /** The request attribute holding the resolved {@link IpAddress}. */
  public static final String REQUEST_ATTRIBUTE = ClientIp.class.getName();

  private ClientIp() {}

  /**
   * The request's client IP; empty only when the container gave a peer address that is not an IP
   * literal (such a client matches no allowlist).
   */
  public static Optional<IpAddress> of(HttpServletRequest request) {
    if (request.getAttribute(REQUEST_ATTRIBUTE) instanceof IpAddress resolved) {
      return Optional.of(resolved);
    }
    // Outside the filter (e.g. a test slice without it): the peer address is the right default.
    String remote = request.getRemoteAddr();
    if (remote != null && remote.startsWith("[") && remote.endsWith("]")) {
      remote = remote.substring(1, remote.length() - 1);
    }
    return IpAddress.tryParse(remote);
  }

  /** The client IP's canonical text, or {@code unknown}. */
  public static String text(HttpServletRequest request) {
    return of(request).map(IpAddress::toString).orElse("unknown");
  }
}
