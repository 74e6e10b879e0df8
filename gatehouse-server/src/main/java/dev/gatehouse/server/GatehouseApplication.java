package dev.gatehouse.server;

import dev.gatehouse.server.cli.AllowlistCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Gatehouse server: serves without arguments, runs a command and exits with one. */
@SpringBootApplication
public class GatehouseApplication {

  public static void main(String[] args) {
    if (args.length > 0 && "allowlist".equals(args[0])) {
      System.exit(AllowlistCommand.run(args, GatehouseApplication.class));
    }
    SpringApplication.run(GatehouseApplication.class, args);
  }
}
