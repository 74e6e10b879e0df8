package dev.gatehouse.server.api;

import jakarta.servlet.http.HttpServletRequest;

/** Where the REST API lives. */
final class ApiPaths {

  /** Every API route starts with this; the security chain and error handling key on it. */
  static final String PREFIX = "/api/";

  /** The version prefix of the current API. */
  static final String V1 = "/api/v1";

  private ApiPaths() {}

  static boolean isApiRequest(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith(PREFIX) || path.equals("/api");
  }
}
