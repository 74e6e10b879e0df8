package dev.gatehouse.server.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Recovers command-line arguments that the JVM could not decode. Under a non-UTF-8 locale (such as
 * an unset {@code LANG}), Java turns every byte of a non-ASCII argument into U+FFFD, so {@code ip
 * normalize} would quote and judge a different string from the one typed (fullwidth digits would be
 * reported as replacement characters). On Linux the raw bytes are still in {@code
 * /proc/self/cmdline}; they are decoded as UTF-8 and used only if they agree with the JVM's
 * arguments on every ASCII character.
 */
final class NativeArguments {

  private static final Path COMMAND_LINE = Path.of("/proc/self/cmdline");

  private NativeArguments() {}

  static String[] recover(String[] args) {
    if (!containsReplacementCharacter(args)) {
      return args;
    }
    List<String> all = new ArrayList<>();
    try {
      byte[] bytes = Files.readAllBytes(COMMAND_LINE);
      int start = 0;
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == 0) {
          all.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
          start = i + 1;
        }
      }
    } catch (IOException | RuntimeException e) {
      return args; // not Linux, or not readable: keep what the JVM decoded
    }
    if (all.size() < args.length) {
      return args;
    }
    String[] recovered = all.subList(all.size() - args.length, all.size()).toArray(String[]::new);
    for (int i = 0; i < args.length; i++) {
      if (!asciiOnly(recovered[i]).equals(asciiOnly(args[i]))) {
        return args;
      }
    }
    return recovered;
  }

  private static boolean containsReplacementCharacter(String[] args) {
    for (String arg : args) {
      if (arg.indexOf('\ufffd') >= 0) {
        return true;
      }
    }
    return false;
  }

  private static String asciiOnly(String text) {
    StringBuilder ascii = new StringBuilder(text.length());
    text.chars().filter(c -> c < 0x80).forEach(c -> ascii.append((char) c));
    return ascii.toString();
  }
}
