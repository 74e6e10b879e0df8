package dev.gatehouse.core;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Finds the client address of a request from its TCP peer address and, only when the peer is a
 * trusted proxy, its forwarding headers ({@code X-Forwarded-For} and RFC 7239 {@code Forwarded}).
 * Immutable and thread-safe.
 *
 * <p>Rules, in order:
 *
 * <ol>
 *   <li>The peer is not a trusted proxy: the client is the peer. Forwarding headers are ignored
 *       entirely, without warning: anyone can send them.
 *   <li>The peer is trusted and no header has any hop (absent, or only blank lines): the client is
 *       the peer.
 *   <li>Otherwise the hops of each header present are walked from right to left (all lines of a
 *       header form one list, in order), skipping trusted proxies. The first address that is not a
 *       trusted proxy is the client; if every hop is a trusted proxy, the left-most hop is. Hops to
 *       the left of the client are never looked at, so garbage prepended by a client does no harm.
 *   <li>If the walk reaches a hop that is not an address ({@code unknown}, an obfuscated {@code
 *       _id}, an element without {@code for=}, garbage), or {@code Forwarded} is syntactically
 *       malformed (bad quoting, bad parameter), the client is the peer and the resolution carries a
 *       warning.
 *   <li>Both headers present: each is walked; if both name the same client, that is the client; if
 *       they disagree, or either fails, the client is the peer, with a warning. Reason: a proxy
 *       that writes only one of the headers passes the other one through from the client unchanged,
 *       so preferring either header would let a client forge its address whenever the proxy writes
 *       the other one.
 *   <li>At most {@value #MAX_HOPS} hops per header, counted from the right, are looked at. If all
 *       of them are trusted and there are more, the client is the peer, with a warning.
 * </ol>
 *
 * <p>Header input never makes {@link #resolve} throw. Hop addresses follow the same rules as
 * everywhere in this library: IPv4-mapped IPv6 is the IPv4 address it maps; a zone id is not
 * accepted in a header.
 */
public final class ClientIpResolver {

  /** How many hops per header, counted from the right, are looked at. */
  public static final int MAX_HOPS = 64;

  private static final int MAX_WARNING_QUOTE = 80;

  private static final ClientIpResolver NONE = new ClientIpResolver(AllowlistMatcher.empty());

  private final AllowlistMatcher trustedProxies;

  private ClientIpResolver(AllowlistMatcher trustedProxies) {
    this.trustedProxies = trustedProxies;
  }

  /**
   * The resolver that honours forwarding headers from peers in the given blocks.
   *
   * @throws NullPointerException if the collection or one of its blocks is null
   */
  public static ClientIpResolver trusting(Collection<IpBlock> trustedProxies) {
    return new ClientIpResolver(AllowlistMatcher.of(trustedProxies));
  }

  /** The resolver that trusts no proxy: the client is always the peer (the default). */
  public static ClientIpResolver none() {
    return NONE;
  }

  /** True when forwarding headers from this peer are honoured. */
  public boolean isTrustedProxy(@Nullable IpAddress address) {
    return trustedProxies.matches(address);
  }

  /**
   * Resolves the client of a request.
   *
   * @param peerAddress the TCP peer address as the servlet container reports it (any literal {@link
   *     PeerAddressParser} accepts)
   * @param xForwardedForLines every {@code X-Forwarded-For} header line, in the order received
   * @param forwardedLines every {@code Forwarded} header line, in the order received
   * @throws IllegalArgumentException if {@code peerAddress} is not an IP address literal (a
   *     container always reports one for a TCP connection)
   */
  public ClientIpResolution resolve(
      String peerAddress, List<String> xForwardedForLines, List<String> forwardedLines) {
    Objects.requireNonNull(peerAddress, "peerAddress");
    IpAddress peer =
        PeerAddressParser.tryParse(peerAddress)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "peerAddress is not an IP address literal: " + quote(peerAddress)));
    return resolve(peer, xForwardedForLines, forwardedLines);
  }

  /**
   * Resolves the client of a request whose peer address is already parsed.
   *
   * @see #resolve(String, List, List)
   */
  public ClientIpResolution resolve(
      IpAddress peer, List<String> xForwardedForLines, List<String> forwardedLines) {
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(xForwardedForLines, "xForwardedForLines");
    Objects.requireNonNull(forwardedLines, "forwardedLines");
    if (!trustedProxies.matches(peer)) {
      return ClientIpResolution.of(peer);
    }
    Walk forwarded = walkForwarded(forwardedLines);
    Walk xForwardedFor = walkXForwardedFor(xForwardedForLines);
    if (forwarded.isAbsent() && xForwardedFor.isAbsent()) {
      return ClientIpResolution.of(peer);
    }
    String prefix = "forwarding headers from trusted proxy " + peer + " not used: ";
    String suffix = "; using the peer address";
    for (Walk walk : List.of(forwarded, xForwardedFor)) {
      if (walk.problem() != null) {
        return ClientIpResolution.fallback(peer, prefix + walk.problem() + suffix);
      }
    }
    if (xForwardedFor.isAbsent()) {
      return ClientIpResolution.of(Objects.requireNonNull(forwarded.client()));
    }
    if (forwarded.isAbsent()) {
      return ClientIpResolution.of(Objects.requireNonNull(xForwardedFor.client()));
    }
    if (Objects.equals(forwarded.client(), xForwardedFor.client())) {
      return ClientIpResolution.of(Objects.requireNonNull(forwarded.client()));
    }
    return ClientIpResolution.fallback(
        peer,
        prefix
            + "Forwarded names client "
            + forwarded.client()
            + " but X-Forwarded-For names "
            + xForwardedFor.client()
            + suffix);
  }

  private Walk walkForwarded(List<String> lines) {
    ForwardedHeaderParser.Result result = ForwardedHeaderParser.parse(lines, MAX_HOPS);
    if (result.malformed() != null) {
      return Walk.failed("Forwarded is malformed: " + result.malformed());
    }
    return walk("Forwarded", result.hops());
  }

  private Walk walkXForwardedFor(List<String> lines) {
    List<String> items = XForwardedForParser.rightMostItems(lines, MAX_HOPS);
    return walk("X-Forwarded-For", items.stream().map(XForwardedForParser::parseItem).toList());
  }

  /** Walks hops (left to right, at most MAX_HOPS + 1 of them) from the right. */
  private Walk walk(String header, List<ForwardingHop> hops) {
    if (hops.isEmpty()) {
      return Walk.ABSENT;
    }
    int considered = Math.min(hops.size(), MAX_HOPS);
    for (int i = hops.size() - 1; i >= hops.size() - considered; i--) {
      ForwardingHop hop = hops.get(i);
      IpAddress address = hop.address();
      if (address == null) {
        String text = hop.text().isEmpty() ? "" : " " + quote(hop.text());
        return Walk.failed(header + " hop" + text + " " + hop.problem());
      }
      if (!trustedProxies.matches(address)) {
        return Walk.found(address);
      }
    }
    if (hops.size() > MAX_HOPS) {
      return Walk.failed(header + " has more than " + MAX_HOPS + " hops that are trusted proxies");
    }
    return Walk.found(Objects.requireNonNull(hops.get(0).address()));
  }

  /** The text in double quotes, cut short and with anything but printable ASCII replaced. */
  private static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (int i = 0; i < text.length() && i < MAX_WARNING_QUOTE; i++) {
      char c = text.charAt(i);
      quoted.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return quoted.append(text.length() > MAX_WARNING_QUOTE ? "...\"" : "\"").toString();
  }

  @Override
  public String toString() {
    return "ClientIpResolver[trusting " + trustedProxies + "]";
  }

  /** The outcome of walking one header: absent, a client, or a problem. */
  private record Walk(@Nullable IpAddress client, @Nullable String problem, boolean isAbsent) {
    static final Walk ABSENT = new Walk(null, null, true);

    static Walk found(IpAddress client) {
      return new Walk(client, null, false);
    }

    static Walk failed(String problem) {
      return new Walk(null, problem, false);
    }
  }
}
