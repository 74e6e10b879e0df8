package dev.gatehouse.server.cli;

import dev.gatehouse.server.allowlist.AllowlistService;
import java.io.PrintStream;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Break-glass: {@code gatehouse.jar allowlist disable --account <slug>} turns an account's IP
 * restriction off from the server host, for an admin who locked everyone out. Starts Spring without
 * a web server on the configured database (which the running server may share: H2 in AUTO_SERVER
 * mode, or PostgreSQL), keeps the list, audits as {@code system} and exits. Running servers pick
 * the change up with their periodic version check, within about a second.
 *
 * <p>Exit codes: 0 done (also when it was already off), 1 no such account, 2 usage error.
 */
public final class AllowlistCommand {

  static final String USAGE = "usage: java -jar gatehouse.jar allowlist disable --account <slug>";

  private static final List<String> SPRING_OPTION_PREFIXES =
      List.of("--spring.", "--gatehouse.", "--logging.");

  private AllowlistCommand() {}

  /**
   * Runs the command.
   *
   * @param args the whole command line, starting with {@code allowlist}
   * @param application the Spring Boot application class to start without a web server
   * @return the process exit code
   */
  public static int run(String[] args, Class<?> application) {
    return run(args, application, System.out, System.err);
  }

  static int run(String[] args, Class<?> application, PrintStream out, PrintStream err) {
    Optional<String> slug = accountOf(Arrays.asList(args));
    if (slug.isEmpty()) {
      err.println(USAGE);
      return 2;
    }
    try (ConfigurableApplicationContext context = start(application, args)) {
      AllowlistService service = context.getBean(AllowlistService.class);
      Optional<Boolean> wasEnabled = service.disableFromServerHost(slug.get(), hostName());
      if (wasEnabled.isEmpty()) {
        err.println("No account with slug '" + slug.get() + "'. Nothing was changed.");
        return 1;
      }
      out.println(
          wasEnabled.get()
              ? "Turned IP whitelisting off for account '"
                  + slug.get()
                  + "'. Its list of IP addresses is kept; turn it on again from the IP"
                  + " Whitelisting page."
              : "IP whitelisting was already off for account '" + slug.get() + "'.");
      out.println("Recorded in the account's audit log as 'system'.");
      return 0;
    }
  }

  /** The slug of {@code allowlist disable --account <slug>} (or {@code --account=<slug>}). */
  static Optional<String> accountOf(List<String> commandLine) {
    List<String> args = commandLine.stream().filter(a -> !isSpringOption(a)).toList();
    if (args.size() < 3 || !"allowlist".equals(args.get(0)) || !"disable".equals(args.get(1))) {
      return Optional.empty();
    }
    List<String> options = args.subList(2, args.size());
    if (options.size() == 1 && options.get(0).startsWith("--account=")) {
      return nonBlank(options.get(0).substring("--account=".length()));
    }
    if (options.size() == 2 && "--account".equals(options.get(0))) {
      return nonBlank(options.get(1));
    }
    return Optional.empty();
  }

  /** Configuration given on the command line, such as {@code --spring.datasource.url=...}. */
  private static boolean isSpringOption(String arg) {
    return SPRING_OPTION_PREFIXES.stream().anyMatch(arg::startsWith);
  }

  private static Optional<String> nonBlank(String slug) {
    return slug.isBlank() ? Optional.empty() : Optional.of(slug.strip());
  }

  private static ConfigurableApplicationContext start(Class<?> application, String[] args) {
    // Spring's own options (--spring.datasource.url=...) still apply; the command words do not.
    String[] springArgs =
        Arrays.stream(args)
            .filter(a -> a.startsWith("--spring.") || a.startsWith("--gatehouse."))
            .toArray(String[]::new);
    return new SpringApplicationBuilder(application)
        .web(WebApplicationType.NONE)
        .bannerMode(Banner.Mode.OFF)
        .logStartupInfo(false)
        .properties("logging.level.root=WARN", "logging.level.org.flywaydb=ERROR")
        .run(springArgs);
  }

  private static String hostName() {
    String fromEnvironment = System.getenv("HOSTNAME");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
