package dev.gatehouse.bench;

import dev.gatehouse.core.IpAddress;
import dev.gatehouse.core.IpBlock;
import dev.gatehouse.core.IpFamily;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Seeded random allowlists and probes, identical for every implementation measured: the same
 * (family, size) always gives the same blocks and the same probes.
 *
 * <p>Blocks: half single addresses, half CIDR blocks (IPv4 /20-/31, IPv6 /48-/127, IPv6 in
 * 2000::/3). Probes: {@value #PROBE_COUNT} peer literals as a servlet container reports them
 * (dotted quad; IPv6 in Tomcat's full form such as {@code 2001:db8:0:0:0:0:0:1}), half inside a
 * random block, half random addresses of the same family (almost all misses), shuffled.
 */
final class AllowlistData {

  static final int PROBE_COUNT = 1024;

  final List<IpBlock> blocks;
  final String[] probes;

  private AllowlistData(List<IpBlock> blocks, String[] probes) {
    this.blocks = blocks;
    this.probes = probes;
  }

  static AllowlistData generate(ListFamily family, int size) {
    Random random = new Random(20_261_204L + 31L * size + family.ordinal());
    List<IpBlock> blocks = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      blocks.add(randomBlock(random, familyOf(family, i)));
    }
    List<String> probes = new ArrayList<>(PROBE_COUNT);
    for (int i = 0; i < PROBE_COUNT; i++) {
      IpAddress probe =
          i % 2 == 0
              ? addressInside(random, blocks.get(random.nextInt(size)))
              : randomAddress(random, familyOf(family, random.nextInt(2)));
      probes.add(containerForm(probe));
    }
    Collections.shuffle(probes, random);
    return new AllowlistData(List.copyOf(blocks), probes.toArray(new String[0]));
  }

  private static IpFamily familyOf(ListFamily family, int i) {
    return switch (family) {
      case IPV4 -> IpFamily.IPV4;
      case IPV6 -> IpFamily.IPV6;
      case MIXED -> i % 2 == 0 ? IpFamily.IPV4 : IpFamily.IPV6;
    };
  }

  private static IpAddress randomAddress(Random random, IpFamily family) {
    if (family == IpFamily.IPV4) {
      return IpAddress.ofIpv4(random.nextInt());
    }
    // 2000::/3, global unicast; never IPv4-mapped.
    return IpAddress.ofIpv6(0x2000_0000_0000_0000L | (random.nextLong() >>> 3), random.nextLong());
  }

  private static IpBlock randomBlock(Random random, IpFamily family) {
    IpAddress address = randomAddress(random, family);
    if (random.nextBoolean()) {
      return IpBlock.of(address);
    }
    int prefix = family == IpFamily.IPV4 ? 20 + random.nextInt(12) : 48 + random.nextInt(80);
    return IpBlock.containing(address, prefix);
  }

  private static IpAddress addressInside(Random random, IpBlock block) {
    IpAddress network = block.network();
    int prefix = block.prefixLength();
    if (block.family() == IpFamily.IPV4) {
      long hostMask = 0xffff_ffffL >>> prefix;
      return IpAddress.ofIpv4((int) (network.low() | (random.nextInt() & hostMask)));
    }
    long highMask = prefix >= 64 ? 0 : -1L >>> prefix;
    long lowMask = prefix >= 128 ? 0 : prefix <= 64 ? -1L : -1L >>> (prefix - 64);
    return IpAddress.ofIpv6(
        network.high() | (random.nextLong() & highMask),
        network.low() | (random.nextLong() & lowMask));
  }

  /** Dotted quad, or eight uncompressed lower-case groups as Tomcat reports IPv6 peers. */
  static String containerForm(IpAddress address) {
    if (address.family() == IpFamily.IPV4) {
      return address.toString();
    }
    StringBuilder text = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      long half = i < 4 ? address.high() : address.low();
      int group = (int) (half >>> (48 - 16 * (i % 4))) & 0xffff;
      if (i > 0) {
        text.append(':');
      }
      text.append(Integer.toHexString(group));
    }
    return text.toString();
  }
}
