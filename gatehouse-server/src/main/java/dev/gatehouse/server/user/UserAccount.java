package dev.gatehouse.server.user;

import java.time.Instant;

/**
 * A user as other features see it (never with the password hash).
 *
 * @param id database id
 * @param email lower-case email, the sign-in name
 * @param createdAt when the user was created
 */
public record UserAccount(long id, String email, Instant createdAt) {}
