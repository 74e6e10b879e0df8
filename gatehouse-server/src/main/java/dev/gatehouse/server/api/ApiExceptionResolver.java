package dev.gatehouse.server.api;

import dev.gatehouse.server.account.ForbiddenException;
import dev.gatehouse.server.allowlist.AllowlistException;
import dev.gatehouse.server.token.InvalidApiTokenException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The API's one error surface: turns every exception raised while handling a {@code /api/} request
 * (our {@link ApiException}s, Spring MVC's routing and binding failures, Jackson's parse errors and
 * anything unexpected) into problem+json with a stable code. Runs before Spring MVC's own resolvers
 * and declines non-API requests, which stay with the page error handling.
 *
 * <p>A resolver rather than a {@code @ControllerAdvice}: unknown routes (404) and wrong methods
 * (405) fail before any controller is chosen, where a package-scoped advice does not apply.
 */
@Component
class ApiExceptionResolver implements HandlerExceptionResolver, Ordered {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionResolver.class);

  private final ProblemResponseWriter writer;

  ApiExceptionResolver(ProblemResponseWriter writer) {
    this.writer = writer;
  }

  @Override
  public int getOrder() {
    // After Boot's DefaultErrorAttributes (HIGHEST_PRECEDENCE, only records the exception).
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }

  @Override
  public @Nullable ModelAndView resolveException(
      HttpServletRequest request,
      HttpServletResponse response,
      @Nullable Object handler,
      Exception exception) {
    if (!ApiPaths.isApiRequest(request)) {
      return null;
    }
    if (exception instanceof AsyncRequestNotUsableException) {
      return new ModelAndView(); // the client went away; nothing to answer
    }
    ApiProblem problem = problemFor(request, response, exception);
    try {
      writer.write(request, response, problem);
    } catch (IOException e) {
      log.debug("Could not write problem response for {}", request.getRequestURI(), e);
    }
    return new ModelAndView();
  }

  private ApiProblem problemFor(
      HttpServletRequest request, HttpServletResponse response, Exception exception) {
    if (exception instanceof ApiException api) {
      return api.problem();
    }
    if (exception instanceof AllowlistException refused) {
      return allowlistProblem(refused);
    }
    if (exception instanceof InvalidApiTokenException invalid) {
      return ApiProblem.of(
          HttpStatus.BAD_REQUEST, ApiProblemCodes.INVALID_REQUEST, invalid.getMessage());
    }
    if (exception instanceof ForbiddenException forbidden) {
      return ApiProblem.of(HttpStatus.FORBIDDEN, ApiProblemCodes.FORBIDDEN, forbidden.getMessage());
    }
    if (RequestBodyLimitFilter.limitExceeded(request)) {
      return RequestBodyLimitFilter.PROBLEM;
    }
    if (exception instanceof NoResourceFoundException
        || exception instanceof NoHandlerFoundException) {
      return ApiProblem.of(
          HttpStatus.NOT_FOUND,
          ApiProblemCodes.NOT_FOUND,
          "There is no API resource at this path.");
    }
    if (exception instanceof HttpRequestMethodNotSupportedException notSupported) {
      var allowed = notSupported.getSupportedHttpMethods();
      if (allowed != null && !allowed.isEmpty()) {
        response.setHeader(
            HttpHeaders.ALLOW,
            allowed.stream().map(Object::toString).sorted().collect(Collectors.joining(", ")));
      }
      return ApiProblem.of(
          HttpStatus.METHOD_NOT_ALLOWED,
          ApiProblemCodes.METHOD_NOT_ALLOWED,
          "This resource does not support " + notSupported.getMethod() + ".");
    }
    if (exception instanceof HttpMediaTypeNotSupportedException) {
      return ApiProblem.of(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          ApiProblemCodes.UNSUPPORTED_MEDIA_TYPE,
          "Send the request body as application/json.");
    }
    if (exception instanceof HttpMediaTypeNotAcceptableException) {
      return ApiProblem.of(
          HttpStatus.NOT_ACCEPTABLE,
          ApiProblemCodes.NOT_ACCEPTABLE,
          "This API answers with application/json; accept it.");
    }
    if (exception instanceof HttpMessageNotReadableException unreadable) {
      return unreadableBody(unreadable);
    }
    if (exception instanceof MethodArgumentTypeMismatchException mismatch) {
      return ApiProblem.of(
          HttpStatus.BAD_REQUEST,
          ApiProblemCodes.INVALID_REQUEST,
          "Parameter '" + mismatch.getName() + "' has an invalid value.");
    }
    if (exception instanceof MissingServletRequestParameterException missing) {
      return ApiProblem.of(
          HttpStatus.BAD_REQUEST,
          ApiProblemCodes.INVALID_REQUEST,
          "Parameter '" + missing.getParameterName() + "' is required.");
    }
    if (exception instanceof MissingPathVariableException) {
      return ApiProblem.of(
          HttpStatus.NOT_FOUND,
          ApiProblemCodes.NOT_FOUND,
          "There is no API resource at this path.");
    }
    if (exception instanceof ErrorResponse framework
        && framework.getStatusCode().is4xxClientError()) {
      // Any other client error Spring MVC reports: keep its status, never its message.
      HttpStatus status = HttpStatus.valueOf(framework.getStatusCode().value());
      return ApiProblem.of(
          status,
          status == HttpStatus.NOT_FOUND
              ? ApiProblemCodes.NOT_FOUND
              : ApiProblemCodes.INVALID_REQUEST,
          "The request is not valid for this resource.");
    }
    log.error(
        "Unexpected error handling {} {}", request.getMethod(), request.getRequestURI(), exception);
    return ApiProblem.of(
        HttpStatus.INTERNAL_SERVER_ERROR,
        ApiProblemCodes.INTERNAL_ERROR,
        "The server could not complete the request. The error has been logged.");
  }

  /** The service's refusal, whose message is written for the caller, with its details. */
  private static ApiProblem allowlistProblem(AllowlistException refused) {
    ApiProblem problem =
        ApiProblem.of(
            HttpStatus.valueOf(refused.code().status()),
            refused.code().value(),
            refused.getMessage());
    if (refused instanceof AllowlistException.InvalidAddresses invalid) {
      List<ItemErrorJson> errors =
          invalid.errors().stream()
              .map(error -> new ItemErrorJson(error.input(), error.reason()))
              .toList();
      return problem.with("errors", errors);
    }
    if (refused instanceof AllowlistException.TooManyAddresses tooMany) {
      return problem.with("maxItems", tooMany.max());
    }
    if (refused instanceof AllowlistException.LimitExceeded limit) {
      return problem.with("maxEntries", limit.max());
    }
    if (refused instanceof AllowlistException.Lockout lockout) {
      return problem.with("clientIp", lockout.clientIp().toString());
    }
    return problem;
  }

  /** One rejected item of a submission, as {@code {"input": ..., "reason": ...}}. */
  record ItemErrorJson(String input, String reason) {}

  /** Explains a body Jackson could not bind, naming the member but never quoting Jackson. */
  private static ApiProblem unreadableBody(HttpMessageNotReadableException exception) {
    JacksonException jackson = findCause(exception, JacksonException.class);
    if (jackson instanceof UnrecognizedPropertyException unknown) {
      return ApiProblem.of(
          HttpStatus.BAD_REQUEST,
          ApiProblemCodes.UNKNOWN_FIELD,
          "Unknown field '" + unknown.getPropertyName() + "'.");
    }
    if (jackson instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
      return ApiProblem.of(
          HttpStatus.BAD_REQUEST,
          ApiProblemCodes.INVALID_REQUEST,
          "Field '" + fieldPath(mismatched) + "' has the wrong type or format.");
    }
    if (jackson instanceof DatabindException databind && !databind.getPath().isEmpty()) {
      return ApiProblem.of(
          HttpStatus.BAD_REQUEST,
          ApiProblemCodes.INVALID_REQUEST,
          "Field '" + fieldPath(databind) + "' has an invalid value.");
    }
    if (jackson == null || jackson instanceof StreamReadException) {
      return ApiProblem.of(
          HttpStatus.BAD_REQUEST,
          ApiProblemCodes.MALFORMED_JSON,
          "The request body is missing or is not valid JSON.");
    }
    return ApiProblem.of(
        HttpStatus.BAD_REQUEST,
        ApiProblemCodes.MALFORMED_JSON,
        "The request body must be a single JSON object.");
  }

  private static String fieldPath(DatabindException exception) {
    var path = new StringBuilder();
    for (var reference : exception.getPath()) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static <T extends Throwable> @Nullable T findCause(Throwable start, Class<T> type) {
    for (Throwable t = start; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
