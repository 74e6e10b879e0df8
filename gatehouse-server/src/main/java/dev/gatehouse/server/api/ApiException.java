package dev.gatehouse.server.api;

import org.springframework.http.HttpStatus;

/**
 * Thrown by API controllers to answer with a specific problem; turned into problem+json by {@link
 * ApiExceptionResolver}. Carries no stack trace: it is an answer, not a failure.
 */
final class ApiException extends RuntimeException {

  private final transient ApiProblem problem;

  ApiException(ApiProblem problem) {
    super(problem.code(), null, false, false);
    this.problem = problem;
  }

  ApiException(HttpStatus status, String code, String detail) {
    this(ApiProblem.of(status, code, detail));
  }

  static ApiException badRequest(String code, String detail) {
    return new ApiException(HttpStatus.BAD_REQUEST, code, detail);
  }

  static ApiException notFound(String detail) {
    return new ApiException(HttpStatus.NOT_FOUND, ApiProblemCodes.NOT_FOUND, detail);
  }

  ApiProblem problem() {
    return problem;
  }
}
