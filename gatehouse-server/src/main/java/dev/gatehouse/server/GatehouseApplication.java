package dev.gatehouse.server;

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
    SpringApplication.run(GatehouseApplication.class, args);
  }
}
