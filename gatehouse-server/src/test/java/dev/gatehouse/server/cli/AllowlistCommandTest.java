package dev.gatehouse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllowlistCommandTest {

  @Test
  void accountIsReadFromEitherOptionForm() {
    assertThat(AllowlistCommand.accountOf(List.of("allowlist", "disable", "--account", "acme")))
        .contains("acme");
    assertThat(AllowlistCommand.accountOf(List.of("allowlist", "disable", "--account=acme")))
        .contains("acme");
    assertThat(
            AllowlistCommand.accountOf(
                List.of(
                    "allowlist",
                    "disable",
                    "--spring.datasource.url=jdbc:h2:mem:x",
                    "--account",
                    "acme")))
        .contains("acme");
  }

  @Test
  void anythingElseIsAUsageError() {
    assertThat(AllowlistCommand.accountOf(List.of("allowlist"))).isEmpty();
    assertThat(AllowlistCommand.accountOf(List.of("allowlist", "enable", "--account", "acme")))
        .isEmpty();
    assertThat(AllowlistCommand.accountOf(List.of("allowlist", "disable", "--account"))).isEmpty();
    assertThat(AllowlistCommand.accountOf(List.of("allowlist", "disable", "--account", " ")))
        .isEmpty();
    assertThat(AllowlistCommand.accountOf(List.of("allowlist", "disable", "acme"))).isEmpty();
  }

  @Test
  void usageErrorExitsWithTwoBeforeStartingAnything() {
    var err = new java.io.ByteArrayOutputStream();
    int code =
        AllowlistCommand.run(
            new String[] {"allowlist", "disable"},
            Object.class,
            new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
            new java.io.PrintStream(err));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains(AllowlistCommand.USAGE);
  }
}
