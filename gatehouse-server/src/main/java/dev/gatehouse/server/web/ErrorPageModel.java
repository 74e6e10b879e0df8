package dev.gatehouse.server.web;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Errors that reach the container (a filter's {@code sendError}, an unmapped path) are rendered by
 * Spring Boot's error controller with these attributes: the same fields as {@link ErrorPages} and
 * nothing from the exception.
 */
@Component
class ErrorPageModel extends DefaultErrorAttributes {

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Map<String, Object> attributes =
        super.getErrorAttributes(request, ErrorAttributeOptions.defaults());
    Object statusValue = attributes.get("status");
    int status = statusValue instanceof Integer i ? i : 500;
    HttpStatus resolved = HttpStatus.resolve(status);
    var statusCode = resolved != null ? resolved : HttpStatus.INTERNAL_SERVER_ERROR;
    // Nothing request-specific: a refused account and an unknown one must look the same.
    attributes.remove("path");
    attributes.remove("timestamp");
    attributes.remove("message");
    attributes.remove("trace");
    attributes.remove("exception");
    attributes.remove("errors");
    attributes.put("code", ErrorPages.codeOf(statusCode));
    attributes.put("title", ErrorPages.titleOf(status));
    attributes.put("message", ErrorPages.defaultMessage(status));
    return attributes;
  }
}
