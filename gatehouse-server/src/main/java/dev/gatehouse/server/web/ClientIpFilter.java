package dev.gatehouse.server.web;

import dev.gatehouse.core.ClientIpResolution;
import dev.gatehouse.core.ClientIpResolver;
import dev.gatehouse.core.IpAddress;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Resolves every request's client IP first of all (see {@link ClientIp}) and wraps the request so
 * that {@code getRemoteAddr()} and {@code getRemoteHost()} return the client IP's canonical text
 * everywhere after it: security, login throttling, audit, the allowlist guard.
 *
 * <p>A malformed forwarding header from a trusted proxy falls back to the peer address; the
 * resolver's reason is logged as a warning at most once a minute, with the number of further
 * occurrences, so a misbehaving proxy cannot flood the log.
 */
final class ClientIpFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(ClientIpFilter.class);

  private final ClientIpResolver resolver;
  private final RateLimitedLog warnings;

  ClientIpFilter(ClientIpResolver resolver, RateLimitedLog warnings) {
    this.resolver = resolver;
    this.warnings = warnings;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    IpAddress clientIp = resolve(request);
    if (clientIp == null) {
      chain.doFilter(request, response);
      return;
    }
    request.setAttribute(ClientIp.REQUEST_ATTRIBUTE, clientIp);
    chain.doFilter(new ClientIpRequest(request, clientIp.toString()), response);
  }

  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

  private IpAddress resolve(HttpServletRequest request) {
    String peer = request.getRemoteAddr();
    if (peer == null) {
      return null;
    }
    ClientIpResolution resolution;
    try {
      resolution =
          resolver.resolve(
              peer, headerLines(request, "X-Forwarded-For"), headerLines(request, "Forwarded"));
    } catch (IllegalArgumentException e) {
      // Not an IP literal (e.g. a Unix domain socket peer): such a client matches no allowlist.
      warnings.warn(log, "Peer address is not an IP address; treating the client IP as unknown");
      return null;
    }
    resolution.warning().ifPresent(warning -> warnings.warn(log, warning));
    return resolution.clientIp();
  }

  private static List<String> headerLines(HttpServletRequest request, String name) {
    var values = request.getHeaders(name);
    return values == null ? List.of() : Collections.list(values);
  }

  /** The request as seen from the client IP instead of the TCP peer. */
  private static final class ClientIpRequest extends HttpServletRequestWrapper {
    private final String clientIp;

    ClientIpRequest(HttpServletRequest request, String clientIp) {
      super(request);
      this.clientIp = clientIp;
    }

    @Override
    public String getRemoteAddr() {
      return clientIp;
    }

    /** Never a DNS lookup: the address itself, as with {@code enableLookups=false}. */
    @Override
    public String getRemoteHost() {
      return clientIp;
    }
  }
}
