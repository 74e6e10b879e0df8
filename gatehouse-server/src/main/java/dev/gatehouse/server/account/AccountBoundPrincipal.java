package dev.gatehouse.server.account;

import java.io.Serializable;
import java.util.Objects;

/**
 * The authenticated principal of a caller bound to exactly one account with a fixed role: an API
 * token. Its access to any other account is refused as if the account did not exist.
 *
 * @param actor the token as an actor ({@link ActorKind#TOKEN})
 * @param accountId the only account this principal may reach
 * @param role its role there
 */
public record AccountBoundPrincipal(Actor actor, long accountId, Role role)
    implements Serializable {

  public AccountBoundPrincipal {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(role, "role");
  }
}
