package dev.gatehouse.server.account;

/** A membership change that cannot be made; the message is written for users. */
class MemberChangeException extends RuntimeException {

  MemberChangeException(String userMessage) {
    super(userMessage);
  }
}
