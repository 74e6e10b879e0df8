package dev.gatehouse.server.token;

import dev.gatehouse.server.account.AccountBoundPrincipal;
import dev.gatehouse.server.account.Actor;
import dev.gatehouse.server.account.Role;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A stored API token, without its secret (only the secret's hash is ever stored).
 *
 * @param id database id
 * @param accountId the account the token belongs to
 * @param name a name given by its creator, shown as the actor in the audit log
 * @param role the token's role in its account
 * @param prefix the first characters of the secret, to recognise it in lists (not secret)
 * @param createdAt when it was created
 * @param createdBy the creator's name (email, token name or {@code system})
 * @param lastUsedAt when it last authenticated a request (to the minute), if ever
 * @param revokedAt when it was revoked, if it was
 */
public record ApiTokenRecord(
    long id,
    long accountId,
    String name,
    Role role,
    String prefix,
    Instant createdAt,
    String createdBy,
    @Nullable Instant lastUsedAt,
    @Nullable Instant revokedAt) {

  public boolean revoked() {
    return revokedAt != null;
  }

  /** The token as an actor in audit records. */
  public Actor actor() {
    return Actor.token(id, name);
  }

  /** The security principal of a request authenticated by this token. */
  public AccountBoundPrincipal toPrincipal() {
    return new AccountBoundPrincipal(actor(), accountId, role);
  }
}
