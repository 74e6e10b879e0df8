package dev.gatehouse.server.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes {@link ApiProblem}s as {@code application/problem+json}, from filters and resolvers. */
@Component
class ProblemResponseWriter {

  private final JsonMapper json;

  ProblemResponseWriter(JsonMapper json) {
    this.json = json;
  }

  /** Writes the problem unless the response is already committed; resets any buffered content. */
  void write(HttpServletRequest request, HttpServletResponse response, ApiProblem problem)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(problem.status().value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    byte[] bytes = json.writeValueAsBytes(problem.body());
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
    response.flushBuffer();
  }
}
