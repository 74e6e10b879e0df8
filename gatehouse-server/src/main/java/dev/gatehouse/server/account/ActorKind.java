package dev.gatehouse.server.account;

/** Who acts: a signed-in user, an API token, or the system itself (bootstrap, break-glass). */
public enum ActorKind {
  USER,
  TOKEN,
  SYSTEM
}
