package dev.gatehouse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IpCommandTest {

  record Result(int exitCode, String out, String err) {}

  private static Result runWithInput(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    // Deliberately not UTF-8: the command must write UTF-8 bytes whatever the stream's charset.
    int exitCode =
        IpCommand.run(
            args,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.US_ASCII),
            new PrintStream(err, true, StandardCharsets.US_ASCII));
    return new Result(
        exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Result run(String... args) {
    return runWithInput("", args);
  }

  @Test
  void normalizeWhenAllValidThenCanonicalFormPerItemAndExitZero() {
    Result result =
        run("ip", "normalize", "10.0.0.1, 2001:DB8:0:0::/32,::ffff:1.2.3.4, 10.0.0.0/8");

    assertThat(result.out()).isEqualTo("10.0.0.1\n2001:db8::/32\n1.2.3.4\n10.0.0.0/8\n");
    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void normalizeWhenSomeInvalidThenInvalidLinesInInputOrderAndExitOne() {
    Result result = run("ip", "normalize", "10.0.0.1, 010.0.0.1,fe80::1%eth0, 10.1.2.3/8,::1");

    assertThat(result.out())
        .isEqualTo(
            """
            10.0.0.1
            invalid 010.0.0.1: leading zeros are ambiguous (octal or decimal?)
            invalid fe80::1%eth0: zone ids are not allowed
            invalid 10.1.2.3/8: host bits are set; did you mean 10.0.0.0/8?
            ::1
            """);
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void normalizeWhenSeveralArgumentsThenTheyAreJoinedWithCommas() {
    Result result = run("ip", "normalize", "10.0.0.1", "2001:db8::1, 192.168.0.0/16", "127.1");

    assertThat(result.out())
        .isEqualTo(
            "10.0.0.1\n2001:db8::1\n192.168.0.0/16\ninvalid 127.1:"
                + " shortened addresses are not allowed, enter all four octets like 10.0.0.1\n");
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void normalizeWhenLineBreaksAndEmptyItemsThenSplitLikeTheForm() {
    Result result = run("ip", "normalize", "10.0.0.1\r\n\r\n 10.0.0.2 ,,\r10.0.0.3\n");

    assertThat(result.out()).isEqualTo("10.0.0.1\n10.0.0.2\n10.0.0.3\n");
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void normalizeWhenDuplicatesThenEachPrintsItsCanonicalLine() {
    Result result = run("ip", "normalize", "10.0.0.1, ::ffff:10.0.0.1, 10.0.0.1/32");

    assertThat(result.out()).isEqualTo("10.0.0.1\n10.0.0.1\n10.0.0.1\n");
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void normalizeWhenMoreThanTwentyItemsThenEveryItemIsNormalized() {
    String items =
        IntStream.rangeClosed(1, 25).mapToObj(i -> "10.0.0." + i).collect(Collectors.joining(","));

    Result result = run("ip", "normalize", items);

    assertThat(result.out().lines()).hasSize(25).startsWith("10.0.0.1").endsWith("10.0.0.25");
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void normalizeWhenNonAsciiItemThenQuotedAsTypedInUtf8() {
    Result result = run("ip", "normalize", "\u0661\u0662\u0667.\u0660.\u0660.\u0661");

    assertThat(result.out())
        .isEqualTo(
            "invalid \u0661\u0662\u0667.\u0660.\u0660.\u0661:"
                + " only ASCII digits are allowed (found '\u0661', U+0661)\n");
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void normalizeWhenTabOrNulInsideAnItemThenInvalid() {
    Result result = run("ip", "normalize", "10.0.0.1\t,10.0.0.2\u0000");

    assertThat(result.out())
        .isEqualTo(
            "invalid 10.0.0.1\t: tabs are not allowed\n"
                + "invalid 10.0.0.2\u0000: control characters are not allowed (found U+0000)\n");
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void normalizeWhenNoItemsThenUsageAndExitTwo() {
    for (String[] args :
        new String[][] {
          {"ip", "normalize"}, {"ip", "normalize", ""}, {"ip", "normalize", " , \n"}
        }) {
      Result result = run(args);

      assertThat(result.out()).isEmpty();
      assertThat(result.err()).contains("no items to normalize").contains("usage:");
      assertThat(result.exitCode()).isEqualTo(2);
    }
  }

  @Test
  void ipWhenNoCommandThenUsageAndExitTwo() {
    Result result = run("ip");

    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("ip: missing command\nusage:");
    assertThat(result.exitCode()).isEqualTo(2);
  }

  @Test
  void ipWhenUnknownCommandThenUsageAndExitTwo() {
    Result result = run("ip", "normalise", "10.0.0.1");

    assertThat(result.err()).startsWith("ip: unknown command 'normalise'\nusage:");
    assertThat(result.exitCode()).isEqualTo(2);
  }

  @Test
  void ipWhenHelpThenUsageOnStandardOutputAndExitZero() {
    Result result = run("ip", "--help");

    assertThat(result.out()).startsWith("usage:");
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void checkWhenAddressesGivenThenAllowOrDenyEachAsTyped() {
    Result result =
        run(
            "ip",
            "check",
            "--allow",
            "10.0.0.0/8, 2001:db8::/32",
            "10.1.2.3",
            "11.0.0.1",
            "2001:DB8::5",
            "::ffff:10.0.0.1",
            "2001:db9::1");

    assertThat(result.out())
        .isEqualTo(
            """
            allow 10.1.2.3
            deny 11.0.0.1
            allow 2001:DB8::5
            allow ::ffff:10.0.0.1
            deny 2001:db9::1
            """);
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void checkWhenBlockBoundariesThenInsideAllowedOutsideDenied() {
    Result result =
        run(
            "ip",
            "check",
            "--allow",
            "192.168.1.0/24",
            "192.168.0.255",
            "192.168.1.0",
            "192.168.1.255",
            "192.168.2.0");

    assertThat(result.out())
        .isEqualTo(
            "deny 192.168.0.255\nallow 192.168.1.0\nallow 192.168.1.255\ndeny 192.168.2.0\n");
  }

  @Test
  void checkWhenNat64AddressThenAnIpv4EntryDoesNotAllowIt() {
    Result result =
        run("ip", "check", "--allow", "192.0.2.0/24", "64:ff9b::192.0.2.1", "::192.0.2.1");

    assertThat(result.out()).isEqualTo("deny 64:ff9b::192.0.2.1\ndeny ::192.0.2.1\n");
  }

  @Test
  void checkWhenAnAddressIsInvalidThenInvalidLineAndExitOne() {
    Result result =
        run(
            "ip",
            "check",
            "--allow",
            "10.0.0.0/8",
            "10.0.0.1",
            "010.0.0.1",
            "10.0.0.0/8",
            "11.0.0.1");

    assertThat(result.out())
        .isEqualTo(
            """
            allow 10.0.0.1
            invalid 010.0.0.1: leading zeros are ambiguous (octal or decimal?)
            invalid 10.0.0.0/8: expected a single address, not a block
            deny 11.0.0.1
            """);
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void checkWhenDeniedButValidThenExitZero() {
    Result result = run("ip", "check", "--allow", "10.0.0.1", "10.0.0.2");

    assertThat(result.out()).isEqualTo("deny 10.0.0.2\n");
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void checkWhenNoAddressGivenThenReadsStandardInputSkippingBlankLines() {
    Result result =
        runWithInput(
            "10.0.0.1\n\n   \r\n 192.168.0.1 \r\n2001:db8::1\nexample.com",
            "ip",
            "check",
            "--allow",
            "10.0.0.0/8");

    assertThat(result.out())
        .isEqualTo(
            """
            allow 10.0.0.1
            deny 192.168.0.1
            deny 2001:db8::1
            invalid example.com: hostnames are not allowed, enter an IP address
            """);
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void checkWhenAllowListHasInvalidItemsThenTheyArePrintedAndExitTwo() {
    Result result = run("ip", "check", "--allow", "10.0.0.0/8, 10.1.2.3/8, localhost", "10.0.0.1");

    assertThat(result.out())
        .isEqualTo(
            """
            invalid 10.1.2.3/8: host bits are set; did you mean 10.0.0.0/8?
            invalid localhost: hostnames are not allowed, enter an IP address
            """);
    assertThat(result.exitCode()).isEqualTo(2);
  }

  @Test
  void checkWhenAllowGivenWithEqualsOrRepeatedThenAllEntriesCount() {
    Result result =
        run(
            "ip",
            "check",
            "--allow=10.0.0.0/8",
            "--allow",
            "2001:db8::/32",
            "10.0.0.1",
            "2001:db8::1");

    assertThat(result.out()).isEqualTo("allow 10.0.0.1\nallow 2001:db8::1\n");
  }

  @Test
  void checkWhenAllowMissingOrEmptyThenUsageAndExitTwo() {
    assertThat(run("ip", "check", "10.0.0.1").err()).startsWith("ip: missing --allow\n");
    assertThat(run("ip", "check", "10.0.0.1", "--allow").err())
        .startsWith("ip: --allow needs a list of addresses and blocks\n");
    assertThat(run("ip", "check", "--allow", " , ", "10.0.0.1").err())
        .startsWith("ip: --allow needs at least one address or CIDR block\n");
    assertThat(run("ip", "check", "--allow", "10.0.0.1", "--verbose", "10.0.0.1").err())
        .startsWith("ip: unknown option '--verbose'\n");
    assertThat(run("ip", "check", "10.0.0.1").exitCode()).isEqualTo(2);
    assertThat(run("ip", "check", "--allow", " , ", "10.0.0.1").out()).isEmpty();
  }

  @Test
  void checkWhenDoubleDashThenFollowingArgumentsAreAddresses() {
    Result result = run("ip", "check", "--allow", "10.0.0.0/8", "--", "--allow");

    assertThat(result.out()).isEqualTo("invalid --allow: signs are not allowed\n");
    assertThat(result.exitCode()).isEqualTo(1);
  }
}
