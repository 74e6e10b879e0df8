package dev.gatehouse.core;

/** The two IP address families. IPv4-mapped IPv6 addresses always belong to {@link #IPV4}. */
public enum IpFamily {
  /** 32-bit addresses. */
  IPV4(32),
  /** 128-bit addresses. */
  IPV6(128);

  private final int bits;

  IpFamily(int bits) {
    this.bits = bits;
  }

  /** The address width in bits: 32 or 128. */
  public int bits() {
    return bits;
  }
}
