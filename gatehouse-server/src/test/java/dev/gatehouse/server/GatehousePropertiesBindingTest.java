package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class GatehousePropertiesBindingTest {

  @Autowired GatehouseProperties properties;

  @Test
  void defaultsAreThoseOfTheSpecification() {
    assertThat(properties.trustedProxies()).isEmpty();
    assertThat(properties.bootstrap().requested()).isFalse();
  }
}
