package dev.gatehouse.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** API refusals by Spring Security, as RFC 9457 problem+json (never a sign-in redirect). */
final class ProblemJsonSecurityHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

  private static final String UNAUTHORIZED =
      """
      {"type":"about:blank","title":"Unauthorized","status":401,\
      "detail":"Authenticate with an API token: Authorization: Bearer <token>.",\
      "code":"unauthorized"}""";
  private static final String FORBIDDEN =
      """
      {"type":"about:blank","title":"Forbidden","status":403,\
      "detail":"You are not allowed to do this.","code":"forbidden"}""";

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
      throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer");
    write(response, HttpServletResponse.SC_UNAUTHORIZED, UNAUTHORIZED);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
      throws IOException {
    write(response, HttpServletResponse.SC_FORBIDDEN, FORBIDDEN);
  }

  private static void write(HttpServletResponse response, int status, String body)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(body);
  }
}
