package dev.gatehouse.server.account;

/** What a member or API token may do in an account. */
public enum Role {
  /** May change the account's settings: IP allowlist, members, API tokens. */
  ADMIN,
  /** May view the account: dashboard, settings read-only. */
  MEMBER
}
