package dev.gatehouse.server.api;

import dev.gatehouse.server.token.ApiTokenService;
import dev.gatehouse.server.web.ApiChainContributor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.stereotype.Component;

/**
 * The API's own filters for the {@code /api/**} security chain: an error boundary that keeps
 * unexpected failures in problem+json, the 64 KiB body limit, then bearer-token authentication
 * (with the failed-authentication limit) before Spring Security would mark the request anonymous.
 * The chain itself (stateless, no CSRF, 401 entry point, account scoping) is defined with the page
 * chain in the {@code web} package.
 */
@Component
class ApiSecurity implements ApiChainContributor {

  private final ApiTokenService tokens;
  private final FailedAuthenticationLimiter limiter;
  private final TokenUseRecorder useRecorder;
  private final ProblemResponseWriter writer;

  ApiSecurity(
      ApiTokenService tokens,
      FailedAuthenticationLimiter limiter,
      TokenUseRecorder useRecorder,
      ProblemResponseWriter writer) {
    this.tokens = tokens;
    this.limiter = limiter;
    this.useRecorder = useRecorder;
    this.writer = writer;
  }

  @Override
  public void contribute(HttpSecurity http) {
    http.addFilterBefore(new ApiErrorBoundaryFilter(writer), SecurityContextHolderFilter.class)
        .addFilterAfter(new RequestBodyLimitFilter(writer), SecurityContextHolderFilter.class)
        .addFilterBefore(
            new ApiTokenAuthenticationFilter(tokens, limiter, useRecorder, writer),
            AnonymousAuthenticationFilter.class);
  }
}
