package dev.gatehouse.server.api;

import dev.gatehouse.server.token.ApiTokenRecord;
import dev.gatehouse.server.token.ApiTokenService;
import dev.gatehouse.server.web.ClientIp;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests by {@code Authorization: Bearer <token>}, looked up through {@link
 * ApiTokenService} on every request (so a revocation applies to the next request).
 *
 * <p>No header: the request continues unauthenticated and the chain's entry point answers 401. A
 * header that is not one well-formed bearer credential, or a token that is unknown or revoked: 401
 * {@code unauthorized} here, counted against the client IP; an IP over the limit gets 429 {@code
 * too_many_requests} before its token is even looked at. Cookies are never consulted.
 */
final class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

  private static final String BEARER = "bearer";

  private final ApiTokenService tokens;
  private final FailedAuthenticationLimiter limiter;
  private final TokenUseRecorder useRecorder;
  private final ProblemResponseWriter writer;
  private final SecurityContextHolderStrategy contexts =
      SecurityContextHolder.getContextHolderStrategy();

  ApiTokenAuthenticationFilter(
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
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    List<String> headers = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION));
    if (headers.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    String clientIp = ClientIp.text(request);
    Optional<Duration> wait = limiter.retryAfter(clientIp);
    if (wait.isPresent()) {
      tooManyFailures(request, response, wait.get());
      return;
    }
    String secret = headers.size() == 1 ? bearerSecret(headers.get(0)) : null;
    Optional<ApiTokenRecord> token =
        secret == null ? Optional.empty() : tokens.authenticate(secret);
    if (token.isEmpty()) {
      limiter.recordFailure(clientIp);
      unauthorized(request, response, secret == null ? "invalid_request" : "invalid_token");
      return;
    }
    ApiTokenRecord record = token.get();
    var authentication =
        UsernamePasswordAuthenticationToken.authenticated(
            record.toPrincipal(),
            null,
            List.of(new SimpleGrantedAuthority("ROLE_" + record.role().name())));
    var context = contexts.createEmptyContext();
    context.setAuthentication(authentication);
    contexts.setContext(context);
    useRecorder.recordUse(record.id());
    chain.doFilter(request, response);
  }

  /** The credentials of an RFC 6750 {@code Bearer} header, or null when it is not one. */
  static @Nullable String bearerSecret(String header) {
    int space = header.indexOf(' ');
    if (space <= 0 || !header.substring(0, space).toLowerCase(Locale.ROOT).equals(BEARER)) {
      return null;
    }
    String secret = header.substring(space + 1).strip();
    return secret.isEmpty() ? null : secret;
  }

  private void unauthorized(
      HttpServletRequest request, HttpServletResponse response, String bearerError)
      throws IOException {
    response.setHeader(
        HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"gatehouse\", error=\"" + bearerError + "\"");
    writer.write(
        request,
        response,
        ApiProblem.of(
            HttpStatus.UNAUTHORIZED,
            ApiProblemCodes.UNAUTHORIZED,
            "invalid_token".equals(bearerError)
                ? "The API token is not valid or has been revoked."
                : "Send exactly one header Authorization: Bearer <token>."));
  }

  private void tooManyFailures(
      HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    writer.write(
        request,
        response,
        ApiProblem.of(
                HttpStatus.TOO_MANY_REQUESTS,
                ApiProblemCodes.TOO_MANY_REQUESTS,
                "Too many failed authentications from your IP address. Try again in "
                    + seconds
                    + " seconds.")
            .with("retryAfterSeconds", seconds));
  }
}
