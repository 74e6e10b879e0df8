package dev.gatehouse.server.web;

import dev.gatehouse.server.account.AccountAccess;
import dev.gatehouse.server.account.AccountMembership;
import dev.gatehouse.server.account.AccountService;
import dev.gatehouse.server.user.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Model attributes of the page layout: {@code access} (the current account, if any), {@code
 * signedInEmail} and {@code myAccounts} (for the account switcher).
 */
@ControllerAdvice
class LayoutModelAdvice {

  private final AccountService accounts;

  LayoutModelAdvice(AccountService accounts) {
    this.accounts = accounts;
  }

  @ModelAttribute("access")
  @Nullable AccountAccess access(HttpServletRequest request) {
    return request.getAttribute(AccountAccess.REQUEST_ATTRIBUTE) instanceof AccountAccess a
        ? a
        : null;
  }

  @ModelAttribute("signedInEmail")
  @Nullable String signedInEmail(@Nullable Authentication authentication) {
    return signedInUser(authentication) instanceof SignedInUser user ? user.email() : null;
  }

  @ModelAttribute("myAccounts")
  List<AccountMembership> myAccounts(
      HttpServletRequest request, @Nullable Authentication authentication) {
    // Only pages inside an account show the switcher; skip the query everywhere else.
    if (request.getAttribute(AccountAccess.REQUEST_ATTRIBUTE) == null
        || !(signedInUser(authentication) instanceof SignedInUser user)) {
      return List.of();
    }
    return accounts.membershipsOf(user.id());
  }

  private static @Nullable Object signedInUser(@Nullable Authentication authentication) {
    return authentication == null ? null : authentication.getPrincipal();
  }
}
