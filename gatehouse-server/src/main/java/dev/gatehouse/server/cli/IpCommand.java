package dev.gatehouse.server.cli;

import dev.gatehouse.core.AllowlistMatcher;
import dev.gatehouse.core.IpAddress;
import dev.gatehouse.core.IpFormatException;
import dev.gatehouse.core.IpList;
import dev.gatehouse.core.IpListItem;
import dev.gatehouse.core.IpListParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code ip} command line: {@code ip normalize <items>...} and {@code ip check --allow <items>
 * [<ip>...]}, as SPEC section 6 words them. Plain Java on purpose: it runs before, and instead of,
 * the Spring application, so it starts fast and needs no database.
 *
 * <p>Exit codes: 0 when every item or address was valid; 1 when one was invalid; 2 for a usage
 * error or, for {@code check}, an invalid {@code --allow} list. Text is read and written as UTF-8,
 * whatever the platform's default charset.
 */
public final class IpCommand {

  static final int OK = 0;
  static final int INVALID_INPUT = 1;
  static final int USAGE_ERROR = 2;

  static final String USAGE =
      """
      usage: java -jar gatehouse.jar ip normalize <items>...
             java -jar gatehouse.jar ip check --allow <items> [<ip>...]

        normalize  Prints one line per item, in input order: its canonical form, or
                   "invalid <item>: <reason>". Items are separated by commas or line breaks;
                   several arguments are joined with commas. There is no limit on the number
                   of items. Exit code 0 if all items are valid, 1 otherwise.
        check      Prints "allow <ip>" or "deny <ip>" for each address, or
                   "invalid <ip>: <reason>". Reads addresses from standard input, one per line,
                   when none is given. Exit code 0 if every address was valid (allowed or
                   denied), 1 if one was invalid, 2 if the --allow list has invalid items.
      """;

  private IpCommand() {}

  /**
   * Runs {@code ip ...}.
   *
   * @param args the whole command line, starting with {@code "ip"}
   * @param in standard input, read by {@code check} when no address is given
   * @param out where results go, one line each
   * @param err where usage errors go
   * @return the exit code
   */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    PrintStream stdout = utf8(out);
    PrintStream stderr = utf8(err);
    try {
      String[] arguments = NativeArguments.recover(args);
      if (arguments.length < 2) {
        return usageError(stderr, "missing command");
      }
      String[] rest = Arrays.copyOfRange(arguments, 2, arguments.length);
      return switch (arguments[1]) {
        case "normalize" -> normalize(rest, stdout, stderr);
        case "check" -> check(rest, in, stdout, stderr);
        case "help", "-h", "--help" -> {
          stdout.print(USAGE);
          yield OK;
        }
        default -> usageError(stderr, "unknown command '" + arguments[1] + "'");
      };
    } finally {
      stdout.flush();
      stderr.flush();
    }
  }

  private static int normalize(String[] items, PrintStream out, PrintStream err) {
    // A tool, not a submission: no item limit.
    IpList list = IpListParser.parse(String.join(",", items), Integer.MAX_VALUE);
    if (list.isEmpty()) {
      return usageError(err, "no items to normalize");
    }
    for (IpListItem item : list.items()) {
      if (item instanceof IpListItem.Valid valid) {
        out.println(valid.block());
      } else if (item instanceof IpListItem.Invalid invalid) {
        printInvalid(out, invalid.input(), invalid.reason());
      }
    }
    return list.invalidItems().isEmpty() ? OK : INVALID_INPUT;
  }

  private static int check(String[] args, InputStream in, PrintStream out, PrintStream err) {
    List<String> allowed = new ArrayList<>();
    List<String> addresses = new ArrayList<>();
    boolean optionsEnded = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (optionsEnded || !arg.startsWith("--")) {
        addresses.add(arg);
      } else if (arg.equals("--")) {
        optionsEnded = true;
      } else if (arg.equals("--allow")) {
        if (i + 1 == args.length) {
          return usageError(err, "--allow needs a list of addresses and blocks");
        }
        allowed.add(args[++i]);
      } else if (arg.startsWith("--allow=")) {
        allowed.add(arg.substring("--allow=".length()));
      } else {
        return usageError(err, "unknown option '" + arg + "'");
      }
    }
    if (allowed.isEmpty()) {
      return usageError(err, "missing --allow");
    }
    IpList allowlist = IpListParser.parse(String.join(",", allowed), Integer.MAX_VALUE);
    if (!allowlist.invalidItems().isEmpty()) {
      for (IpListItem.Invalid invalid : allowlist.invalidItems()) {
        printInvalid(out, invalid.input(), invalid.reason());
      }
      return USAGE_ERROR;
    }
    if (allowlist.isEmpty()) {
      // Most likely an unset shell variable; an empty allowlist would deny everything.
      return usageError(err, "--allow needs at least one address or CIDR block");
    }
    AddressChecker checker = new AddressChecker(AllowlistMatcher.of(allowlist.blocks()), out);
    if (!addresses.isEmpty()) {
      addresses.forEach(checker::check);
      return checker.exitCode();
    }
    try {
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        checker.check(line);
        if (!reader.ready()) {
          out.flush(); // answer interactive and piped use line by line
        }
      }
    } catch (IOException e) {
      err.println("ip check: could not read standard input");
      return USAGE_ERROR;
    }
    return checker.exitCode();
  }

  /** Checks addresses one by one and remembers whether any was invalid. */
  private static final class AddressChecker {

    private final AllowlistMatcher matcher;
    private final PrintStream out;
    private boolean anyInvalid;

    AddressChecker(AllowlistMatcher matcher, PrintStream out) {
      this.matcher = matcher;
      this.out = out;
    }

    void check(String given) {
      // A blank line is no address; otherwise, as for list items, only spaces around it are
      // ignored and any other whitespace makes it invalid.
      if (given.isBlank()) {
        return;
      }
      String text = trimSpaces(given);
      IpAddress address;
      try {
        address = IpAddress.parse(text);
      } catch (IpFormatException e) {
        anyInvalid = true;
        printInvalid(out, text, e.reason());
        return;
      }
      out.println((matcher.matches(address) ? "allow " : "deny ") + text);
    }

    int exitCode() {
      return anyInvalid ? INVALID_INPUT : OK;
    }
  }

  private static String trimSpaces(String text) {
    int from = 0;
    int to = text.length();
    while (from < to && text.charAt(from) == ' ') {
      from++;
    }
    while (to > from && text.charAt(to - 1) == ' ') {
      to--;
    }
    return text.substring(from, to);
  }

  private static void printInvalid(PrintStream out, String input, String reason) {
    out.println("invalid " + input + ": " + reason);
  }

  private static int usageError(PrintStream err, String problem) {
    err.println("ip: " + problem);
    err.print(USAGE);
    return USAGE_ERROR;
  }

  /** Writes UTF-8 bytes straight through to the given stream, whatever its own charset. */
  private static PrintStream utf8(PrintStream stream) {
    return new PrintStream(stream, false, StandardCharsets.UTF_8);
  }
}
