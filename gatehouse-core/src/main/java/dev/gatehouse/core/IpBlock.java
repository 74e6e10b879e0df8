package dev.gatehouse.core;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A CIDR block of one family, immutable: a network address and a prefix length. A single address is
 * a block of prefix 32 (IPv4) or 128 (IPv6), and prints without the prefix.
 *
 * <p>Invariant: no host bits are set in {@link #network()}.
 */
public final class IpBlock implements Comparable<IpBlock> {

  private final IpAddress network;
  private final int prefixLength;

  private IpBlock(IpAddress network, int prefixLength) {
    this.network = network;
    this.prefixLength = prefixLength;
  }

  /**
   * Parses one allowlist entry strictly: an address literal as {@link IpAddress#parse(String)}
   * accepts it, optionally followed by {@code /} and a decimal prefix length without leading zeros.
   * Beyond that, refuses what no allowlist should hold: a {@code /0} block (it allows everyone),
   * the unspecified addresses {@code 0.0.0.0} and {@code ::}, and blocks with host bits set (the
   * reason names the network that was probably meant). An IPv4-mapped IPv6 block with a prefix of
   * 96 or more becomes the IPv4 block (prefix minus 96); other IPv6 forms embedding IPv4 stay IPv6.
   *
   * @throws IpFormatException if the text is not an acceptable entry; its {@link
   *     IpFormatException#reason()} says why
   */
  public static IpBlock parse(String text) {
    Objects.requireNonNull(text, "text");
    IpTextParser.Parsed<IpBlock> parsed = IpTextParser.parseBlock(text);
    if (parsed.value() == null) {
      throw new IpFormatException(text, Objects.requireNonNull(parsed.reason()));
    }
    return parsed.value();
  }

  /** Like {@link #parse(String)}, but empty instead of throwing; empty for {@code null}. */
  public static Optional<IpBlock> tryParse(@Nullable String text) {
    return text == null
        ? Optional.empty()
        : Optional.ofNullable(IpTextParser.parseBlock(text).value());
  }

  /** True when {@link #parse(String)} would accept the text; false for {@code null}. */
  public static boolean isValid(@Nullable String text) {
    return tryParse(text).isPresent();
  }

  /**
   * The block with the given network address and prefix length.
   *
   * @throws IllegalArgumentException if the prefix length is out of range for the family, or the
   *     address has host bits set
   */
  public static IpBlock of(IpAddress network, int prefixLength) {
    Objects.requireNonNull(network, "network");
    int bits = network.family().bits();
    if (prefixLength < 0 || prefixLength > bits) {
      throw new IllegalArgumentException(
          "prefixLength must be between 0 and " + bits + ", not " + prefixLength);
    }
    IpBlock block = containing(network, prefixLength);
    if (!block.network.equals(network)) {
      throw new IllegalArgumentException(
          network + "/" + prefixLength + " has host bits set; the network is " + block);
    }
    return block;
  }

  /** The block of exactly one address. */
  public static IpBlock of(IpAddress address) {
    Objects.requireNonNull(address, "address");
    return new IpBlock(address, address.family().bits());
  }

  /**
   * The block of the given prefix length that contains the address (host bits cleared).
   *
   * @throws IllegalArgumentException if the prefix length is out of range for the family
   */
  public static IpBlock containing(IpAddress address, int prefixLength) {
    Objects.requireNonNull(address, "address");
    int bits = address.family().bits();
    if (prefixLength < 0 || prefixLength > bits) {
      throw new IllegalArgumentException(
          "prefixLength must be between 0 and " + bits + ", not " + prefixLength);
    }
    IpAddress network;
    if (address.family() == IpFamily.IPV4) {
      network = IpAddress.ofIpv4((int) (address.low() & maskOf(prefixLength + 32)));
    } else {
      long highMask = maskOf(Math.min(prefixLength, 64));
      long lowMask = maskOf(Math.max(prefixLength - 64, 0));
      network = IpAddress.ofIpv6(address.high() & highMask, address.low() & lowMask);
    }
    return new IpBlock(network, prefixLength);
  }

  /** A 64-bit mask with the given number of leading ones (0..64). */
  private static long maskOf(int leadingOnes) {
    return leadingOnes == 0 ? 0 : -1L << (64 - leadingOnes);
  }

  /** The first address of the block. */
  public IpAddress network() {
    return network;
  }

  /** The number of fixed leading bits. */
  public int prefixLength() {
    return prefixLength;
  }

  /** The family of the block's addresses. */
  public IpFamily family() {
    return network.family();
  }

  /** True when the block holds exactly one address. */
  public boolean isSingleAddress() {
    return prefixLength == network.family().bits();
  }

  /** True when the address is inside this block; false for {@code null} or the other family. */
  public boolean contains(@Nullable IpAddress address) {
    if (address == null || address.family() != network.family()) {
      return false;
    }
    return containing(address, prefixLength).network.equals(network);
  }

  /** The canonical text: the network address, then {@code /prefix} unless a single address. */
  @Override
  public String toString() {
    return isSingleAddress() ? network.toString() : network + "/" + prefixLength;
  }

  /** By network address, then by prefix length. */
  @Override
  public int compareTo(IpBlock other) {
    int byNetwork = network.compareTo(other.network);
    return byNetwork != 0 ? byNetwork : Integer.compare(prefixLength, other.prefixLength);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof IpBlock that
        && prefixLength == that.prefixLength
        && network.equals(that.network);
  }

  @Override
  public int hashCode() {
    return 31 * network.hashCode() + prefixLength;
  }
}
