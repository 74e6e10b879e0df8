package dev.gatehouse.server.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts and the memberships that give users a role in them. */
@Service
public class AccountService {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

  private final AccountRepository accounts;
  private final Clock clock;

  AccountService(AccountRepository accounts, Clock clock) {
    this.accounts = accounts;
    this.clock = clock;
  }

  /** Whether {@code slug} has the shape of an account slug. */
  public static boolean isValidSlug(String slug) {
    return SLUG.matcher(slug).matches();
  }

  public Optional<Account> findBySlug(String slug) {
    return isValidSlug(slug) ? accounts.findBySlug(slug) : Optional.empty();
  }

  public Optional<Account> findById(long id) {
    return accounts.findById(id);
  }

  /**
   * Creates an account.
   *
   * @throws IllegalArgumentException when the slug is malformed or taken
   */
  @Transactional
  public Account create(String slug, String name) {
    if (!isValidSlug(slug)) {
      throw new IllegalArgumentException("not an account slug: '" + slug + "'");
    }
    if (name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("account name must be 1 to 200 characters");
    }
    if (accounts.findBySlug(slug).isPresent()) {
      throw new IllegalArgumentException("account '" + slug + "' exists");
    }
    long id = accounts.insert(slug, name.strip(), clock.instant());
    return new Account(id, slug, name.strip());
  }

  /** The user's role in the account, empty when the user is not a member. */
  public Optional<Role> roleOf(long accountId, long userId) {
    return accounts.roleOf(accountId, userId);
  }

  /** The accounts the user belongs to, sorted by name. */
  public List<AccountMembership> membershipsOf(long userId) {
    return accounts.membershipsOf(userId);
  }

  /**
   * Gives a user a role in an account, unless the user is a member already (then nothing changes).
   *
   * @return whether a membership was created
   */
  @Transactional
  public boolean addMembershipIfAbsent(long accountId, long userId, Role role) {
    if (accounts.roleOf(accountId, userId).isPresent()) {
      return false;
    }
    accounts.insertMembership(accountId, userId, role, clock.instant());
    return true;
  }
}
