package dev.gatehouse.server.account;

/**
 * One account a user belongs to, with the user's role there.
 *
 * @param account the account
 * @param role the user's role in it
 */
public record AccountMembership(Account account, Role role) {}
