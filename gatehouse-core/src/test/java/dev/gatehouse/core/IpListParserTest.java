package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IpListParserTest {

  private static IpList parse(String input) {
    return IpListParser.parse(input, IpListParser.MAX_ITEMS_PER_SUBMISSION);
  }

  private static List<String> inputs(IpList list) {
    return list.items().stream().map(IpListItem::input).toList();
  }

  @Test
  void parseWhenCommaSeparatedThenOneItemPerEntryInInputOrder() {
    IpList list = parse("10.0.0.1,2001:db8::/32,192.168.0.0/16");

    assertThat(inputs(list)).containsExactly("10.0.0.1", "2001:db8::/32", "192.168.0.0/16");
    assertThat(list.blocks())
        .extracting(IpBlock::toString)
        .containsExactly("10.0.0.1", "2001:db8::/32", "192.168.0.0/16");
    assertThat(list.isValid()).isTrue();
  }

  @Test
  void parseWhenLineBreaksOfEveryKindThenTheySeparateItems() {
    IpList list = parse("10.0.0.1\n10.0.0.2\r\n10.0.0.3\r10.0.0.4,\n10.0.0.5");

    assertThat(inputs(list))
        .containsExactly("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5");
    assertThat(list.isValid()).isTrue();
  }

  @Test
  void parseWhenSpacesAroundItemsThenIgnored() {
    IpList list = parse("  10.0.0.1 ,   10.0.0.2  ");

    assertThat(inputs(list)).containsExactly("10.0.0.1", "10.0.0.2");
    assertThat(list.isValid()).isTrue();
  }

  @Test
  void parseWhenEmptyItemsThenDropped() {
    IpList list = parse(",10.0.0.1,, ,\n\n10.0.0.2,");

    assertThat(inputs(list)).containsExactly("10.0.0.1", "10.0.0.2");
  }

  @Test
  void parseWhenOnlySeparatorsThenEmptyAndValid() {
    IpList list = parse(" , \r\n ,");

    assertThat(list.isEmpty()).isTrue();
    assertThat(list.isValid()).isTrue();
    assertThat(list.blocks()).isEmpty();
  }

  @Test
  void parseWhenTabAroundItemThenItStaysPartOfTheItemAndMakesItInvalid() {
    IpList list = parse("10.0.0.1\t, \u00a010.0.0.2");

    assertThat(list.invalidItems())
        .extracting(IpListItem.Invalid::input, IpListItem.Invalid::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("10.0.0.1\t", "tabs are not allowed"),
            org.assertj.core.groups.Tuple.tuple(
                "\u00a010.0.0.2",
                "only plain spaces are allowed, and only around an item (found U+00A0)"));
    assertThat(list.isValid()).isFalse();
  }

  @Test
  void parseWhenSomeItemsInvalidThenEveryItemReportedInInputOrder() {
    IpList list = parse("10.0.0.1, 010.0.0.1, example.com, 10.1.2.3/8, 2001:db8::1");

    assertThat(list.items())
        .extracting(item -> item.getClass().getSimpleName() + " " + item.input())
        .containsExactly(
            "Valid 10.0.0.1",
            "Invalid 010.0.0.1",
            "Invalid example.com",
            "Invalid 10.1.2.3/8",
            "Valid 2001:db8::1");
    assertThat(list.invalidItems())
        .extracting(IpListItem.Invalid::reason)
        .containsExactly(
            "leading zeros are ambiguous (octal or decimal?)",
            "hostnames are not allowed, enter an IP address",
            "host bits are set; did you mean 10.0.0.0/8?");
    assertThat(list.isValid()).isFalse();
    assertThat(list.tooMany()).isFalse();
  }

  @Test
  void parseWhenTwentyItemsThenValid() {
    IpList list = parse(addresses(20));

    assertThat(list.items()).hasSize(20);
    assertThat(list.tooMany()).isFalse();
    assertThat(list.isValid()).isTrue();
  }

  @Test
  void parseWhenTwentyOneItemsThenTooManyButEveryItemStillRead() {
    IpList list = parse(addresses(21));

    assertThat(list.items()).hasSize(21);
    assertThat(list.tooMany()).isTrue();
    assertThat(list.isValid()).isFalse();
    assertThat(list.invalidItems()).isEmpty();
  }

  @Test
  void parseWhenEmptyItemsBeyondTwentyThenTheyDoNotCount() {
    IpList list = parse(addresses(20) + ",,, ,\n");

    assertThat(list.tooMany()).isFalse();
  }

  @Test
  void parseWhenLimitGivenThenItIsTheLimit() {
    assertThat(IpListParser.parse("10.0.0.1, 10.0.0.2", 1).tooMany()).isTrue();
    assertThat(IpListParser.parse(addresses(500), Integer.MAX_VALUE).tooMany()).isFalse();
    assertThatIllegalArgumentException().isThrownBy(() -> IpListParser.parse("10.0.0.1", -1));
  }

  @Test
  void parseWhenRepeatedAfterCanonicalisationThenLaterItemsMarkedRepeated() {
    IpList list =
        parse("10.0.0.1, ::ffff:10.0.0.1, 2001:DB8::1, 2001:db8:0::1, 10.0.0.0/8, 10.0.0.1/32");

    assertThat(list.items())
        .extracting(item -> ((IpListItem.Valid) item).repeated())
        .containsExactly(false, true, false, true, false, true);
    assertThat(list.duplicates())
        .extracting(IpListItem.Valid::input)
        .containsExactly("::ffff:10.0.0.1", "2001:db8:0::1", "10.0.0.1/32");
    assertThat(list.blocks())
        .extracting(IpBlock::toString)
        .containsExactly("10.0.0.1", "2001:db8::1", "10.0.0.0/8");
    assertThat(list.isValid()).isTrue();
  }

  @Test
  void parseWhenValidItemThenItKeepsTheInputAsTypedAndTheCanonicalBlock() {
    IpListItem.Valid item = (IpListItem.Valid) parse(" 2001:DB8:0:0::/32 ").items().get(0);

    assertThat(item.input()).isEqualTo("2001:DB8:0:0::/32");
    assertThat(item.block()).hasToString("2001:db8::/32");
    assertThat(item.repeated()).isFalse();
  }

  @Test
  void splitWhenItemsWithSeparatorsThenSameItemsAsParse() {
    assertThat(IpListParser.split(" a ,\r\nb\t,,\rc , ")).containsExactly("a", "b\t", "c");
  }

  @Test
  void ipListIsImmutable() {
    IpList list = parse("10.0.0.1");

    assertThat(list.items()).isUnmodifiable();
    assertThat(list.blocks()).isUnmodifiable();
  }

  private static String addresses(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(i -> "10.0." + (i / 256) + "." + (i % 256))
        .collect(Collectors.joining(", "));
  }
}
