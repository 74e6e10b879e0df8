package dev.gatehouse.server.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An RFC 9457 problem of the REST API: an HTTP status, a stable machine-readable {@code code}, a
 * sentence for people ({@code detail}) and optional extension members such as {@code errors}.
 *
 * <p>The {@code detail} is always written by us for the caller; it never carries an exception
 * message or anything else produced by a library.
 */
record ApiProblem(HttpStatus status, String code, String detail, Map<String, Object> extensions) {

  ApiProblem {
    extensions = Map.copyOf(extensions);
  }

  static ApiProblem of(HttpStatus status, String code, String detail) {
    return new ApiProblem(status, code, detail, Map.of());
  }

  ApiProblem with(String name, Object value) {
    var more = new LinkedHashMap<>(extensions);
    more.put(name, value);
    return new ApiProblem(status, code, detail, more);
  }

  /** The JSON members in the order they are written: the RFC 9457 ones, then ours. */
  Map<String, Object> body() {
    var body = new LinkedHashMap<String, Object>();
    body.put("type", "about:blank");
    body.put("title", status.getReasonPhrase());
    body.put("status", status.value());
    body.put("detail", detail);
    body.put("code", code);
    body.putAll(extensions);
    return body;
  }
}
