package dev.gatehouse.server.token;

/** A token request that cannot be accepted (bad name); the message is written for users. */
public class InvalidApiTokenException extends RuntimeException {

  public InvalidApiTokenException(String userMessage) {
    super(userMessage);
  }
}
