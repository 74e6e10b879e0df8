package dev.gatehouse.core;

import org.jspecify.annotations.Nullable;

/**
 * One hop of a forwarding header as it was written: either an address or the reason it is not one.
 *
 * @param text the hop as the header gave it (unquoted), for warnings
 * @param address the address, or null when the hop names none
 * @param problem why there is no address, e.g. {@code is "unknown"}; null when there is one
 */
record ForwardingHop(String text, @Nullable IpAddress address, @Nullable String problem) {

  static ForwardingHop of(String text, IpAddress address) {
    return new ForwardingHop(text, address, null);
  }

  static ForwardingHop unusable(String text, String problem) {
    return new ForwardingHop(text, null, problem);
  }
}
