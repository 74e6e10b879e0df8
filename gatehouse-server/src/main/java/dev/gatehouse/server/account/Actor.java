package dev.gatehouse.server.account;

import java.io.Serializable;
import java.util.Objects;

/**
 * The one who performs a request or a change, as written to the audit log.
 *
 * @param kind user, token or system
 * @param id the user's or token's id ({@code 0} for the system)
 * @param name the user's email, the token's name, or {@code system}
 */
public record Actor(ActorKind kind, long id, String name) implements Serializable {

  /** The system itself: start-up bootstrap, demo setup, break-glass command. */
  public static final Actor SYSTEM = new Actor(ActorKind.SYSTEM, 0, "system");

  public Actor {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  public static Actor user(long userId, String email) {
    return new Actor(ActorKind.USER, userId, email);
  }

  public static Actor token(long tokenId, String tokenName) {
    return new Actor(ActorKind.TOKEN, tokenId, tokenName);
  }
}
