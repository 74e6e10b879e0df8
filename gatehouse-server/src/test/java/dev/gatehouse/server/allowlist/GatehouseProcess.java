package dev.gatehouse.server.allowlist;

import dev.gatehouse.server.GatehouseApplication;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Starts {@code gatehouse.jar}'s main class in a new JVM, on the main classpath only. */
final class GatehouseProcess {

  private GatehouseProcess() {}

  static ProcessBuilder builder(List<String> args) {
    // Test classes stay out: the child must be the application exactly as shipped.
    String classpath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !entry.endsWith("test-classes"))
            .collect(Collectors.joining(File.pathSeparator));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(classpath);
    command.add(GatehouseApplication.class.getName());
    command.addAll(args);
    return new ProcessBuilder(command);
  }

  static int freePort() throws IOException {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
