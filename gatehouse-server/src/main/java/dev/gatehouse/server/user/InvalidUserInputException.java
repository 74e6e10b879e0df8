package dev.gatehouse.server.user;

/** An email or password that cannot be accepted; the message is written for users. */
public class InvalidUserInputException extends RuntimeException {

  public InvalidUserInputException(String userMessage) {
    super(userMessage);
  }
}
