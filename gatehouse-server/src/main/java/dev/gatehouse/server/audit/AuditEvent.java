package dev.gatehouse.server.audit;

import java.time.Instant;

/**
 * One entry of an account's audit log.
 *
 * @param id database id, increasing with time
 * @param accountId the account the change belongs to
 * @param at when the change was made
 * @param actor who made it: a user's email, an API token's name, or {@code system}
 * @param actorIp the client IP of the actor as the server saw it, or {@code local} for commands run
 *     on the server host
 * @param action a stable dotted name such as {@code entry.added} (see {@link AuditLog})
 * @param details a human-readable description such as {@code added 10.0.0.0/8 (Office)}
 */
public record AuditEvent(
    long id,
    long accountId,
    Instant at,
    String actor,
    String actorIp,
    String action,
    String details) {}
