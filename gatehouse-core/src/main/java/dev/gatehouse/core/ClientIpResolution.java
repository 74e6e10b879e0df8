package dev.gatehouse.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link ClientIpResolver#resolve}: the client address to enforce policy on, and,
 * when forwarding headers from a trusted proxy could not be used, a warning for the operator's log.
 *
 * @param clientIp the address the request is treated as coming from
 * @param warning why the peer address was used although a trusted proxy sent forwarding headers;
 *     single-line printable ASCII, safe to log; empty when the headers were used or were absent,
 *     and when the peer is not a trusted proxy (its headers are ignored without a warning)
 */
public record ClientIpResolution(IpAddress clientIp, Optional<String> warning) {

  /** Checks that both components are present. */
  public ClientIpResolution {
    Objects.requireNonNull(clientIp, "clientIp");
    Objects.requireNonNull(warning, "warning");
  }

  /** A resolution without a warning. */
  public static ClientIpResolution of(IpAddress clientIp) {
    return new ClientIpResolution(clientIp, Optional.empty());
  }

  /** The fallback to the peer address, with the reason to log. */
  public static ClientIpResolution fallback(IpAddress peer, String warning) {
    return new ClientIpResolution(peer, Optional.of(warning));
  }
}
