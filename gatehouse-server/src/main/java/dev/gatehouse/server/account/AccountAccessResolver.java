package dev.gatehouse.server.account;

import dev.gatehouse.server.user.SignedInUser;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Decides which access, if any, an authenticated caller has to an account. */
@Component
class AccountAccessResolver {

  private final AccountService accounts;

  AccountAccessResolver(AccountService accounts) {
    this.accounts = accounts;
  }

  /** Access to the account named by {@code slug}; empty when unknown or not a member. */
  Optional<AccountAccess> resolve(String slug, @Nullable Authentication authentication) {
    if (!isAuthenticated(authentication)) {
      return Optional.empty();
    }
    return accounts.findBySlug(slug).flatMap(a -> resolve(a, authentication.getPrincipal()));
  }

  /** Access of a principal bound to one account (API token) to that account. */
  Optional<AccountAccess> resolveBound(@Nullable Authentication authentication) {
    if (!isAuthenticated(authentication)
        || !(authentication.getPrincipal() instanceof AccountBoundPrincipal bound)) {
      return Optional.empty();
    }
    return accounts.findById(bound.accountId()).flatMap(a -> resolve(a, bound));
  }

  private Optional<AccountAccess> resolve(Account account, @Nullable Object principal) {
    if (principal instanceof SignedInUser user) {
      return accounts
          .roleOf(account.id(), user.id())
          .map(role -> access(account, role, Actor.user(user.id(), user.email())));
    }
    if (principal instanceof AccountBoundPrincipal bound && bound.accountId() == account.id()) {
      return Optional.of(access(account, bound.role(), bound.actor()));
    }
    return Optional.empty();
  }

  private static AccountAccess access(Account account, Role role, Actor actor) {
    return new AccountAccess(account.id(), account.slug(), account.name(), role, actor);
  }

  private static boolean isAuthenticated(@Nullable Authentication authentication) {
    return authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken);
  }
}
