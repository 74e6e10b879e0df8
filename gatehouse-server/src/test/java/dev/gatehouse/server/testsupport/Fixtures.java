package dev.gatehouse.server.testsupport;

import dev.gatehouse.server.account.Account;
import dev.gatehouse.server.account.AccountService;
import dev.gatehouse.server.account.Role;
import dev.gatehouse.server.user.UserAccount;
import dev.gatehouse.server.user.UserService;
import java.util.Locale;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
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
  private final JdbcClient jdbc;

  Fixtures(
      AccountService accounts, UserService users, UserDetailsService userDetails, JdbcClient jdbc) {
    this.accounts = accounts;
    this.users = users;
    this.userDetails = userDetails;
    this.jdbc = jdbc;
  }

  /**
   * Deletes every account (and with it, by cascade, everything that belongs to accounts) and every
   * user: a clean slate for tests that change memberships, without a new application context.
   */
  public void deleteAllAccountsAndUsers() {
    jdbc.sql("DELETE FROM accounts").update();
    jdbc.sql("DELETE FROM users").update();
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
