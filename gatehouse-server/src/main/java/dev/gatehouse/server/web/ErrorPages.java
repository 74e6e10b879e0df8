package dev.gatehouse.server.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.servlet.ModelAndView;

/** The model of {@code templates/error.html}: status, a stable code and a user message. */
final class ErrorPages {

  private ErrorPages() {}

  static ModelAndView page(HttpStatusCode status, String code, @Nullable String message) {
    var page = new ModelAndView("error", status);
    page.addObject("status", status.value());
    page.addObject("code", code);
    page.addObject("message", message != null ? message : defaultMessage(status.value()));
    page.addObject("title", titleOf(status.value()));
    return page;
  }

  static String codeOf(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 413 -> "payload_too_large";
      case 415 -> "unsupported_media_type";
      default -> status.is4xxClientError() ? "bad_request" : "internal_error";
    };
  }

  static String titleOf(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    return switch (status) {
      case 403 -> "Access denied";
      case 404 -> "Page not found";
      case 500 -> "Something went wrong";
      default -> known != null ? known.getReasonPhrase() : "Error";
    };
  }

  static String defaultMessage(int status) {
    return switch (status) {
      case 400 -> "The request could not be understood. Check the address and try again.";
      case 403 -> "You are not allowed to see this page.";
      case 404 -> "There is nothing here, or you do not have access to it.";
      case 405 -> "This page does not accept that kind of request.";
      default ->
          status >= 500
              ? "An unexpected error occurred on our side. Please try again in a moment."
              : "The request could not be completed.";
    };
  }
}
