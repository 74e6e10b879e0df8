package dev.gatehouse.server.account;

/**
 * The caller may see the account but its role does not allow the action (HTTP 403, code {@code
 * forbidden}). The message is written for users and safe to show.
 */
public class ForbiddenException extends RuntimeException {

  /** The stable error code of this refusal. */
  public static final String CODE = "forbidden";

  public ForbiddenException(String userMessage) {
    super(userMessage);
  }
}
