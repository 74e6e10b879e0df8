package dev.gatehouse.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Gatehouse server: serves without arguments, runs a command and exits with one. */
@SpringBootApplication
public class GatehouseApplication {

  public static void main(String[] args) {
    SpringApplication.run(GatehouseApplication.class, args);
  }
}
