package dev.gatehouse.server.web;

import dev.gatehouse.server.account.ForbiddenException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.ConversionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns every exception escaping a page controller into the friendly error page, with a stable code
 * and never the exception's text. Ordered last: the API's advice (scoped to REST controllers)
 * answers API errors first.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

  @ExceptionHandler(ForbiddenException.class)
  ModelAndView forbidden(ForbiddenException ex) {
    return ErrorPages.page(HttpStatus.FORBIDDEN, ForbiddenException.CODE, ex.getMessage());
  }

  /** Malformed path variables or parameters (e.g. a letter where an id belongs). */
  @ExceptionHandler({
    TypeMismatchException.class,
    BindException.class,
    HttpMessageNotReadableException.class,
    ConversionException.class
  })
  ModelAndView badRequest(Exception ex) {
    return ErrorPages.page(HttpStatus.BAD_REQUEST, "bad_request", null);
  }

  @ExceptionHandler(Exception.class)
  ModelAndView unexpected(Exception ex, HttpServletRequest request) {
    if (ex instanceof ErrorResponse response) {
      // Spring MVC's own client errors: unknown path, wrong method, bad parameter...
      HttpStatusCode status = response.getStatusCode();
      if (status.is4xxClientError()) {
        return ErrorPages.page(status, ErrorPages.codeOf(status), null);
      }
    }
    log.error("Request {} {} failed", request.getMethod(), request.getRequestURI(), ex);
    return ErrorPages.page(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", null);
  }
}
