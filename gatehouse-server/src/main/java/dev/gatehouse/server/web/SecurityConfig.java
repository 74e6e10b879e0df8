package dev.gatehouse.server.web;

import dev.gatehouse.server.account.AccountAccessFilter;
import dev.gatehouse.server.user.LoginThrottle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two filter chains: {@code /api/**} (stateless, no cookies, problem+json 401) and pages (form
 * sign-in, session, CSRF). Both run {@link AccountAccessFilter} after authorization.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  // The filter chains exist only when serving; command-line tools (allowlist disable) run the same
  // application without a web server and need the rest of the context, not HttpSecurity.
  @Bean
  @Order(1)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  SecurityFilterChain apiSecurityFilterChain(
      HttpSecurity http,
      AccountAccessFilter accountAccess,
      ObjectProvider<ApiChainContributor> contributors)
      throws Exception {
    var problems = new ProblemJsonSecurityHandler();
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        // API callers authenticate with a bearer token on every request and never with a cookie,
        // so a cross-site request cannot carry credentials: CSRF protection is not needed here.
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .securityContext(
            c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .requestCache(cache -> cache.disable())
        .anonymous(anonymous -> {})
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .headers(SecurityConfig::headers)
        .addFilterAfter(accountAccess, AuthorizationFilter.class);
    // Bearer-token authentication, the body size limit and the API's error boundary.
    contributors.orderedStream().forEach(contributor -> contributor.contribute(http));
    return http.build();
  }

  @Bean
  @Order(2)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  SecurityFilterChain pageSecurityFilterChain(
      HttpSecurity http, AccountAccessFilter accountAccess, LoginThrottle loginThrottle)
      throws Exception {
    var throttle = new LoginThrottleFilter(loginThrottle);
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/login",
                        "/error",
                        "/css/**",
                        "/js/**",
                        "/img/**",
                        "/webjars/**",
                        "/favicon.ico")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage("/login")
                    .usernameParameter("email")
                    .passwordParameter("password")
                    .successHandler(throttle.successHandler())
                    .failureHandler(throttle.failureHandler()))
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .sessionManagement(s -> s.sessionFixation(fixation -> fixation.changeSessionId()))
        .headers(SecurityConfig::headers)
        .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
        .addFilterAfter(accountAccess, AuthorizationFilter.class);
    return http.build();
  }

  private static void headers(HeadersConfigurer<HttpSecurity> headers) {
    headers
        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
        .frameOptions(frame -> frame.deny())
        .contentTypeOptions(nosniff -> {});
  }
}
