package dev.gatehouse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Runs the application's main method in a separate JVM, as {@code java -jar gatehouse.jar ip ...}
 * does, under a locale that is not UTF-8 (no LANG), where the JVM cannot decode non-ASCII arguments
 * by itself.
 */
@EnabledOnOs(OS.LINUX)
class IpCommandProcessTest {

  @Test
  void mainWhenIpCommandUnderAsciiLocaleThenNonAsciiItemsAreQuotedAsTyped()
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.gatehouse.server.GatehouseApplication",
                "ip",
                "normalize",
                "\uff11\uff12\uff17.0.0.1, 10.0.0.1"));
    builder.environment().keySet().removeIf(name -> name.startsWith("LC_") || name.equals("LANG"));
    builder.environment().put("LANG", "C");
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(output)
        .isEqualTo(
            "invalid \uff11\uff12\uff17.0.0.1: only ASCII digits are allowed (found '\uff11', U+FF11)\n"
                + "10.0.0.1\n");
    assertThat(process.exitValue()).isEqualTo(1);
  }
}
