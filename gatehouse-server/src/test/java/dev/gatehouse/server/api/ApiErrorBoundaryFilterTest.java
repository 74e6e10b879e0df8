package dev.gatehouse.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class ApiErrorBoundaryFilterTest {

  final ApiErrorBoundaryFilter filter =
      new ApiErrorBoundaryFilter(new ProblemResponseWriter(JsonMapper.builder().build()));

  @Test
  void failureInALaterFilterThen500ProblemWithoutTheExceptionText() throws Exception {
    var request = new MockHttpServletRequest("GET", "/api/v1/whoami");
    var response = new MockHttpServletResponse();
    filter.doFilter(
        request,
        response,
        (req, res) -> {
          throw new IllegalStateException("connection refused: db.internal:5432");
        });
    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getContentAsString())
        .contains("\"code\":\"internal_error\"")
        .doesNotContain("db.internal")
        .doesNotContain("IllegalStateException");
  }

  @Test
  void noFailureThenResponseUntouched() throws Exception {
    var response = new MockHttpServletResponse();
    filter.doFilter(
        new MockHttpServletRequest("GET", "/api/v1/whoami"),
        response,
        (req, res) -> ((jakarta.servlet.http.HttpServletResponse) res).setStatus(204));
    assertThat(response.getStatus()).isEqualTo(204);
    assertThat(response.getContentAsString()).isEmpty();
  }
}
