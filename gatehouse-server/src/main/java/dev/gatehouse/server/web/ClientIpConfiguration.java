package dev.gatehouse.server.web;

import dev.gatehouse.core.ClientIpResolver;
import dev.gatehouse.core.IpBlock;
import dev.gatehouse.core.IpFormatException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/** Registers {@link ClientIpFilter} ahead of every other filter, Spring Security's included. */
@Configuration(proxyBeanMethods = false)
class ClientIpConfiguration {

  static final String TRUSTED_PROXIES = "gatehouse.trusted-proxies";

  @Bean
  ClientIpResolver clientIpResolver(Environment environment) {
    List<String> configured =
        Binder.get(environment)
            .bind(TRUSTED_PROXIES, Bindable.listOf(String.class))
            .orElse(List.of());
    return ClientIpResolver.trusting(trustedProxies(configured));
  }

  @Bean
  FilterRegistrationBean<ClientIpFilter> clientIpFilter(ClientIpResolver resolver) {
    var registration =
        new FilterRegistrationBean<>(
            new ClientIpFilter(resolver, new RateLimitedLog(Duration.ofMinutes(1))));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.addUrlPatterns("/*");
    registration.setName("clientIpFilter");
    return registration;
  }

  /**
   * Parses the configured proxies strictly.
   *
   * @throws IllegalArgumentException naming the key and every bad item, which stops start-up
   */
  static List<IpBlock> trustedProxies(List<String> configured) {
    List<IpBlock> blocks = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (String item : configured) {
      try {
        blocks.add(IpBlock.parse(item.strip()));
      } catch (IpFormatException e) {
        errors.add(e.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(
          TRUSTED_PROXIES + " must list IP addresses or CIDR blocks: " + String.join("; ", errors));
    }
    return List.copyOf(blocks);
  }
}
