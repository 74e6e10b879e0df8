package dev.gatehouse.server.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Adds filters to the {@code /api/**} security chain while it is built (the REST API contributes
 * bearer-token authentication, its body size limit and error boundary). Every bean of this type is
 * applied, in {@code @Order}; the chain's own rules (stateless, no CSRF, 401 entry point, account
 * scoping) stay in {@link SecurityConfig}.
 */
public interface ApiChainContributor {

  /** Adds this feature's filters to the chain being built. */
  void contribute(HttpSecurity http);
}
