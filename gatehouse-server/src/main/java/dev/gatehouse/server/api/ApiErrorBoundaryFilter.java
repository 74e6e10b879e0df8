package dev.gatehouse.server.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost API filter: an exception escaping a later filter (token lookup, account scoping, a
 * guard) becomes a 500 problem+json instead of the container's error page, and is logged here.
 * Exceptions inside controllers never get this far: {@link ApiExceptionResolver} answers them.
 */
final class ApiErrorBoundaryFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(ApiErrorBoundaryFilter.class);

  static final ApiProblem PROBLEM =
      ApiProblem.of(
          HttpStatus.INTERNAL_SERVER_ERROR,
          ApiProblemCodes.INTERNAL_ERROR,
          "The server could not complete the request. The error has been logged.");

  private final ProblemResponseWriter writer;

  ApiErrorBoundaryFilter(ProblemResponseWriter writer) {
    this.writer = writer;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      if (response.isCommitted()) {
        throw e;
      }
      log.error("Request {} {} failed", request.getMethod(), request.getRequestURI(), e);
      writer.write(request, response, PROBLEM);
    }
  }
}
