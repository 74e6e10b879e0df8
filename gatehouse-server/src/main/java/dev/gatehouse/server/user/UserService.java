package dev.gatehouse.server.user;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and finds users; passwords are hashed with the delegating password encoder. */
@Service
public class UserService {

  /** Shortest password accepted for new users and password changes. */
  public static final int MIN_PASSWORD_LENGTH = 10;

  private static final int MAX_PASSWORD_LENGTH = 128;
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");

  private final UserRepository users;
  private final PasswordEncoder passwordEncoder;
  private final Clock clock;

  UserService(UserRepository users, PasswordEncoder passwordEncoder, Clock clock) {
    this.users = users;
    this.passwordEncoder = passwordEncoder;
    this.clock = clock;
  }

  /**
   * Normalises an email address typed by a person: trimmed and lower-cased.
   *
   * @throws InvalidUserInputException when it is not an email address
   */
  public static String normalizeEmail(String email) {
    String normalized = email.strip().toLowerCase(Locale.ROOT);
    if (normalized.length() > 254 || !EMAIL.matcher(normalized).matches()) {
      throw new InvalidUserInputException("Enter a valid email address, like name@example.com.");
    }
    return normalized;
  }

  public Optional<UserAccount> findByEmail(String email) {
    return users.findByEmail(email.strip().toLowerCase(Locale.ROOT)).map(u -> u.toUserAccount());
  }

  /**
   * Creates a user.
   *
   * @throws InvalidUserInputException when the email or password is not acceptable, or a user with
   *     that email exists
   */
  @Transactional
  public UserAccount create(String email, String rawPassword) {
    checkPassword(rawPassword);
    return insert(email, rawPassword);
  }

  /**
   * Creates a user configured by the server's operator (bootstrap keys): the operator chose the
   * password, so only emptiness is refused, not the length rules for people.
   *
   * @throws InvalidUserInputException when the email is not acceptable, the password is empty, or a
   *     user with that email exists
   */
  @Transactional
  public UserAccount createConfiguredUser(String email, String rawPassword) {
    if (rawPassword.isEmpty()) {
      throw new InvalidUserInputException("The password must not be empty.");
    }
    return insert(email, rawPassword);
  }

  private UserAccount insert(String email, String rawPassword) {
    String normalized = normalizeEmail(email);
    if (users.findByEmail(normalized).isPresent()) {
      throw new InvalidUserInputException("A user with the email " + normalized + " exists.");
    }
    long id = users.insert(normalized, passwordEncoder.encode(rawPassword), clock.instant());
    return users.findById(id).orElseThrow().toUserAccount();
  }

  /**
   * Replaces a user's password.
   *
   * @throws InvalidUserInputException when the password is not acceptable
   */
  @Transactional
  public void changePassword(long userId, String rawPassword) {
    checkPassword(rawPassword);
    users.updatePasswordHash(userId, passwordEncoder.encode(rawPassword));
  }

  /**
   * Checks a new password against the rules.
   *
   * @throws InvalidUserInputException naming the rule that is broken
   */
  public static void checkPassword(String rawPassword) {
    if (rawPassword.length() < MIN_PASSWORD_LENGTH) {
      throw new InvalidUserInputException(
          "The password must be at least " + MIN_PASSWORD_LENGTH + " characters long.");
    }
    if (rawPassword.length() > MAX_PASSWORD_LENGTH) {
      throw new InvalidUserInputException(
          "The password must be at most " + MAX_PASSWORD_LENGTH + " characters long.");
    }
    if (rawPassword.isBlank()) {
      throw new InvalidUserInputException("The password must not be only spaces.");
    }
  }
}
