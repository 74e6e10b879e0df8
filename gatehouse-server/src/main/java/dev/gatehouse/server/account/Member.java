package dev.gatehouse.server.account;

import java.time.Instant;

/**
 * One member of an account, as the members page lists it.
 *
 * @param userId the user's id
 * @param email the user's email
 * @param role the user's role in the account
 * @param since when the user became a member
 */
public record Member(long userId, String email, Role role, Instant since) {

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }
}
