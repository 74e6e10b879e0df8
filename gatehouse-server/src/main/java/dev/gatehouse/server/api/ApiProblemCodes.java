package dev.gatehouse.server.api;

/**
 * The stable {@code code} values of the API's own problem responses. Tools outside the project
 * switch on them, so they never change once released; {@code docs/api.md} lists them with their
 * meaning. Refused allowlist changes carry the codes of {@code AllowlistException.Code} ({@code
 * invalid_addresses}, {@code too_many_addresses}, {@code invalid_label}, {@code invalid_expiry},
 * {@code limit_exceeded}, {@code lockout}); the IP policy's refusals are {@code ip_not_allowed} and
 * {@code policy_unavailable}.
 */
final class ApiProblemCodes {

  /** 401: no bearer token, or one that is unknown, malformed or revoked. */
  static final String UNAUTHORIZED = "unauthorized";

  /** 429: too many failed token authentications from the caller's IP. */
  static final String TOO_MANY_REQUESTS = "too_many_requests";

  /** 404: unknown route, unknown account, account of another token, unknown entry or token. */
  static final String NOT_FOUND = "not_found";

  /** 403: the caller's role may not do this (a {@code MEMBER} token changing the allowlist). */
  static final String FORBIDDEN = "forbidden";

  /** 405: the route exists but not with this HTTP method. */
  static final String METHOD_NOT_ALLOWED = "method_not_allowed";

  /** 406: the caller does not accept JSON. */
  static final String NOT_ACCEPTABLE = "not_acceptable";

  /** 413: request body larger than 64 KiB. */
  static final String PAYLOAD_TOO_LARGE = "payload_too_large";

  /** 415: request body that is not {@code application/json}. */
  static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";

  /** 400: the body is not JSON, is empty, or has trailing content. */
  static final String MALFORMED_JSON = "malformed_json";

  /** 400: the body has a member this operation does not know. */
  static final String UNKNOWN_FIELD = "unknown_field";

  /** 400: a member or parameter is missing, of the wrong type, or out of range. */
  static final String INVALID_REQUEST = "invalid_request";

  /** 500: an unexpected server error; details are only in the server log. */
  static final String INTERNAL_ERROR = "internal_error";

  private ApiProblemCodes() {}
}
