package dev.gatehouse.server.bootstrap;

import java.util.Arrays;

/**
 * The {@code --demo} program argument. Spring would read {@code --demo} as a property named {@code
 * demo}; it is turned into {@code --gatehouse.demo=true} before Spring sees it.
 */
public final class DemoMode {

  /** The program argument that starts the server with the demo account. */
  public static final String ARGUMENT = "--demo";

  static final String PROPERTY = "gatehouse.demo";

  private DemoMode() {}

  /** The arguments for Spring: {@code --demo} replaced by {@code --gatehouse.demo=true}. */
  public static String[] springArguments(String[] args) {
    return Arrays.stream(args)
        .map(arg -> arg.equals(ARGUMENT) ? "--" + PROPERTY + "=true" : arg)
        .toArray(String[]::new);
  }
}
