package dev.gatehouse.server.testsupport;

import dev.gatehouse.server.account.Account;
import dev.gatehouse.server.account.AccountService;
import dev.gatehouse.server.account.Role;
import dev.gatehouse.server.user.UserAccount;
import dev.gatehouse.server.user.UserService;
import java.util.Locale;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Test data through the real services. Import it into a test: {@code @Import(Fixtures.class)}.
 * Every user it creates has the password {@link #PASSWORD}.
 */
@TestComponent
public class Fixtures {

  public static final String PASSWORD = "correct horse battery";

  private final AccountService accounts;
  private final UserService users;
  private final UserDetailsService userDetails;

  Fixtures(AccountService accounts, UserService users, UserDetailsService userDetails) {
    this.accounts = accounts;
    this.users = users;
    this.userDetails = userDetails;
  }

  /** The account with this slug, created (named after the slug) if needed. */
  public Account account(String slug) {
    return accounts
        .findBySlug(slug)
        .orElseGet(
            () ->
                accounts.create(
                    slug, slug.substring(0, 1).toUpperCase(Locale.ROOT) + slug.substring(1)));
  }

  /** The user with this email, created if needed. */
  public UserAccount user(String email) {
    return users.findByEmail(email).orElseGet(() -> users.create(email, PASSWORD));
  }

  /** A user with the role in the account (user and account created if needed). */
  public UserAccount member(String slug, String email, Role role) {
    UserAccount user = user(email);
    accounts.addMembershipIfAbsent(account(slug).id(), user.id(), role);
    return user;
  }

  /** Makes a MockMvc request as the signed-in user with this email. */
  public RequestPostProcessor signedIn(String email) {
    return SecurityMockMvcRequestPostProcessors.user(userDetails.loadUserByUsername(email));
  }
}
