package dev.gatehouse.server;

import dev.gatehouse.server.bootstrap.DemoMode;
import dev.gatehouse.server.cli.AllowlistCommand;
import dev.gatehouse.server.cli.IpCommand;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The Gatehouse server: serves without arguments, runs a command and exits with one. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatehouseApplication {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("ip")) {
      System.exit(IpCommand.run(args, System.in, System.out, System.err));
    }
    if (args.length > 0 && args[0].equals("allowlist")) {
      System.exit(AllowlistCommand.run(args, GatehouseApplication.class));
    }
    SpringApplication.run(GatehouseApplication.class, DemoMode.springArguments(args));
  }
}
