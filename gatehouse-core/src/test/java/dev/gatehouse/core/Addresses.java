package dev.gatehouse.core;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Test helpers that build addresses and blocks from text through the JDK's literal parsing. */
final class Addresses {

  private Addresses() {}

  /**
   * The address of a literal, via {@link InetAddress}. Only for literals written in tests: the
   * check below makes sure no name lookup can happen.
   */
  static IpAddress ip(String literal) {
    if (!literal.matches("[0-9a-fA-F:.]+")) {
      throw new IllegalArgumentException("not a plain literal: " + literal);
    }
    try {
      return IpAddress.of(InetAddress.getByName(literal));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }

  /** A block from {@code address/prefix} or a single address. */
  static IpBlock block(String text) {
    int slash = text.indexOf('/');
    return slash < 0
        ? IpBlock.of(ip(text))
        : IpBlock.of(ip(text.substring(0, slash)), Integer.parseInt(text.substring(slash + 1)));
  }
}
