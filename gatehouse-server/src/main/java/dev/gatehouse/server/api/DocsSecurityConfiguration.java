package dev.gatehouse.server.api;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The public API description and Swagger UI. They describe the API and hold no account data, so
 * anyone may read them; they never create a session. Swagger UI renders with inline {@code style}
 * attributes, so only these paths allow inline styles; scripts stay {@code 'self'} only.
 */
@Configuration(proxyBeanMethods = false)
class DocsSecurityConfiguration {

  static final String DOCS_CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; connect-src 'self'; frame-ancestors 'none';"
          + " form-action 'self'; base-uri 'none'";

  @Bean
  @Order(0)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  SecurityFilterChain apiDocsSecurityFilterChain(HttpSecurity http) throws Exception {
    http.securityMatcher(
            "/v3/api-docs",
            "/v3/api-docs.yaml",
            "/v3/api-docs/**",
            "/swagger-ui.html",
            "/swagger-ui/**")
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        // Read-only documents fetched with GET, without cookies or credentials: nothing to forge.
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(
                        csp -> csp.policyDirectives(DOCS_CONTENT_SECURITY_POLICY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                    .frameOptions(frame -> frame.deny()));
    return http.build();
  }
}
