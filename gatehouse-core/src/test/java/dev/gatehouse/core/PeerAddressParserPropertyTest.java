package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fast peer parser against the strict user-input parser ({@link IpAddress#parse}) and against
 * the JDK's literal parsing (through {@link Addresses#ip}, which only ever passes plain literals):
 * on every textual form of random addresses, and on mutated, mostly invalid, strings.
 */
class PeerAddressParserPropertyTest {

  @Property(tries = 500)
  void everyTextualFormOfAnAddressParsesToThatAddress(@ForAll("addresses") IpAddress address) {
    for (String form : literalForms(address)) {
      assertThat(PeerAddressParser.tryParse(form)).as(form).contains(address);
      assertThat(Addresses.ip(form)).as("JDK %s", form).isEqualTo(address);
      assertThat(IpAddress.parse(form)).as("strict %s", form).isEqualTo(address);
      for (String decorated : decorations(form)) {
        assertThat(PeerAddressParser.tryParse(decorated)).as(decorated).contains(address);
      }
    }
  }

  @Property(tries = 1000)
  void whateverTheParserAcceptsTheJdkParsesToTheSameAddress(
      @ForAll("mutatedLiterals") String text) {
    Optional<IpAddress> parsed = PeerAddressParser.tryParse(text);
    if (parsed.isEmpty()) {
      return;
    }
    String literal = stripDecoration(text);
    assertThat(literal).matches("[0-9a-fA-F:.]+");
    assertThat(Addresses.ip(literal)).as(text).isEqualTo(parsed.get());
    assertThat(PeerAddressParser.parseLiteral(literal, 0, literal.length()))
        .isEqualTo(parsed.get());
  }

  @Property(tries = 3000)
  void withoutBracketsAndZonesThePeerParserAcceptsExactlyWhatTheStrictParserAccepts(
      @ForAll("mutatedLiterals") String text) {
    assertThat(Optional.ofNullable(PeerAddressParser.parseLiteral(text, 0, text.length())))
        .as(text)
        .isEqualTo(IpAddress.tryParse(text));
  }

  @Property(tries = 1000)
  void whateverTheParserAcceptsTheStrictParserAcceptsOnceDecorationIsRemoved(
      @ForAll("mutatedLiterals") String text) {
    Optional<IpAddress> parsed = PeerAddressParser.tryParse(text);
    if (parsed.isPresent()) {
      assertThat(IpAddress.tryParse(stripDecoration(text))).as(text).isEqualTo(parsed);
    }
  }

  @Property(tries = 1000)
  void parseIpv4AgreesWithTryParseOnDottedQuads(@ForAll("mutatedLiterals") String text) {
    long bits = PeerAddressParser.parseIpv4(text);
    Optional<IpAddress> parsed = PeerAddressParser.tryParse(text);
    if (text.indexOf(':') >= 0 || text.indexOf('[') >= 0) {
      assertThat(bits).isEqualTo(PeerAddressParser.NOT_IPV4);
    } else if (parsed.isPresent()) {
      assertThat(bits).isEqualTo(parsed.get().low());
    } else {
      assertThat(bits).isEqualTo(PeerAddressParser.NOT_IPV4);
    }
  }

  private static String stripDecoration(String text) {
    String literal = text;
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    int zone = literal.indexOf('%');
    return zone < 0 ? literal : literal.substring(0, zone);
  }

  /** Brackets and zone ids, which only IPv6 literals may carry. */
  private static List<String> decorations(String form) {
    if (form.indexOf(':') < 0) {
      return List.of();
    }
    return List.of("[" + form + "]", form + "%eth0", form + "%2", "[" + form + "%en0]");
  }

  /** Full, padded, upper-case, every possible "::" compression, mixed dotted, and mapped forms. */
  static List<String> literalForms(IpAddress address) {
    List<String> forms = new ArrayList<>();
    forms.add(address.toString());
    int[] groups;
    if (address.family() == IpFamily.IPV4) {
      String dotted = address.toString();
      forms.add("::ffff:" + dotted);
      forms.add("::FFFF:" + dotted);
      forms.add("0:0:0:0:0:ffff:" + dotted);
      groups =
          new int[] {0, 0, 0, 0, 0, 0xffff, address.ipv4Bits() >>> 16, address.ipv4Bits() & 0xffff};
    } else {
      groups = new int[8];
      for (int i = 0; i < 4; i++) {
        groups[i] = (int) (address.high() >>> (48 - 16 * i)) & 0xffff;
        groups[i + 4] = (int) (address.low() >>> (48 - 16 * i)) & 0xffff;
      }
    }
    String full = join(groups, 0, 8, "%x");
    forms.add(full);
    forms.add(join(groups, 0, 8, "%04x"));
    forms.add(join(groups, 0, 8, "%X"));
    forms.addAll(compressions(groups));
    String lastTwoDotted =
        (groups[6] >>> 8)
            + "."
            + (groups[6] & 0xff)
            + "."
            + (groups[7] >>> 8)
            + "."
            + (groups[7] & 0xff);
    forms.add(join(groups, 0, 6, "%x") + ":" + lastTwoDotted);
    for (String compressed : compressions(java.util.Arrays.copyOf(groups, 6))) {
      forms.add(compressed + (compressed.endsWith(":") ? "" : ":") + lastTwoDotted);
    }
    return forms;
  }

  /** Every form with one run of zero groups (at least one group) written as "::". */
  private static List<String> compressions(int[] groups) {
    List<String> forms = new ArrayList<>();
    for (int start = 0; start < groups.length; start++) {
      for (int end = start; end < groups.length && groups[end] == 0; end++) {
        if (start == 0 && end == groups.length - 1 && groups.length == 6) {
          forms.add("::");
          continue;
        }
        forms.add(join(groups, 0, start, "%x") + "::" + join(groups, end + 1, groups.length, "%x"));
      }
    }
    return forms;
  }

  private static String join(int[] groups, int from, int to, String format) {
    StringBuilder text = new StringBuilder();
    for (int i = from; i < to; i++) {
      if (i > from) {
        text.append(':');
      }
      text.append(String.format(Locale.ROOT, format, groups[i]));
    }
    return text.toString();
  }

  @Provide
  Arbitrary<IpAddress> addresses() {
    Arbitrary<Long> halves =
        Arbitraries.oneOf(
            Arbitraries.longs(),
            Arbitraries.longs().between(0, 0xffff),
            Arbitraries.longs().map(x -> x & 0xffff_0000_ffff_0000L),
            Arbitraries.longs().map(x -> x & 0x0000_0000_ffff_ffffL),
            Arbitraries.of(0L, -1L));
    return Arbitraries.oneOf(
        Arbitraries.integers().map(IpAddress::ofIpv4),
        Combinators.combine(halves, halves).as(IpAddress::ofIpv6));
  }

  /** A valid form of a random address with a few random edits (insert, delete, replace). */
  @Provide
  Arbitrary<String> mutatedLiterals() {
    Arbitrary<String> forms =
        addresses()
            .flatMap(
                a -> {
                  List<String> all = new ArrayList<>(literalForms(a));
                  for (String form : literalForms(a)) {
                    all.addAll(decorations(form));
                  }
                  return Arbitraries.of(all);
                });
    Arbitrary<Character> chars =
        Arbitraries.of("0123456789abcdefABCDEFg:.[]% x/-".toCharArray()).map(c -> c);
    Arbitrary<List<Integer>> edits = Arbitraries.integers().between(0, 1 << 20).list().ofMaxSize(3);
    return Combinators.combine(forms, edits, chars.list().ofSize(3))
        .as(
            (form, editList, replacement) -> {
              StringBuilder text = new StringBuilder(form);
              for (int e = 0; e < editList.size(); e++) {
                int edit = editList.get(e);
                int position = text.length() == 0 ? 0 : (edit >>> 2) % (text.length() + 1);
                switch (edit & 3) {
                  case 0 -> text.insert(position, replacement.get(e));
                  case 1 -> {
                    if (position < text.length()) {
                      text.deleteCharAt(position);
                    }
                  }
                  default -> {
                    if (position < text.length()) {
                      text.setCharAt(position, replacement.get(e));
                    }
                  }
                }
              }
              return text.toString();
            });
  }
}
