package dev.gatehouse.server.account;

import java.util.Objects;

/**
 * The caller's access to the account of the current request, established by {@link
 * AccountAccessFilter} after authentication and membership checks, before any guard or controller
 * runs. Controllers receive it as a method argument, templates as the model attribute {@code
 * access}.
 *
 * @param accountId the account's id
 * @param slug the account's slug, as in {@code /accounts/{slug}/...}
 * @param accountName the account's display name
 * @param role the caller's role in the account
 * @param actor the caller (user or token)
 */
public record AccountAccess(
    long accountId, String slug, String accountName, Role role, Actor actor) {

  /** The request attribute under which the current request's access is stored. */
  public static final String REQUEST_ATTRIBUTE = AccountAccess.class.getName();

  public AccountAccess {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(accountName, "accountName");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(actor, "actor");
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  /**
   * Refuses the request unless the caller is an admin of the account.
   *
   * @throws ForbiddenException when the caller's role is {@link Role#MEMBER}
   */
  public void requireAdmin() {
    if (!isAdmin()) {
      throw new ForbiddenException("Only account admins can do this.");
    }
  }
}
