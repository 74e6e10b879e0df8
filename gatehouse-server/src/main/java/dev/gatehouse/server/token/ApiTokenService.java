package dev.gatehouse.server.token;

import dev.gatehouse.server.account.Actor;
import dev.gatehouse.server.account.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, finds, revokes and authenticates API tokens. Secrets are {@code gh_} followed by 40
 * random letters and digits (about 238 bits), so scanners can recognise leaked tokens; only their
 * SHA-256 (hex) is stored.
 */
@Service
public class ApiTokenService {

  /** The prefix of every generated secret. */
  public static final String SECRET_PREFIX = "gh_";

  private static final int SECRET_RANDOM_CHARS = 40;
  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int MAX_NAME_LENGTH = 100;
  private static final int MAX_SECRET_LENGTH = 512;

  /** Last-used times are kept to the minute: at most one write per token and minute. */
  private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

  private final ApiTokenRepository tokens;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  ApiTokenService(ApiTokenRepository tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  /**
   * Creates a token with a newly generated secret.
   *
   * @throws InvalidApiTokenException when the name is empty, too long or has control characters
   */
  @Transactional
  public CreatedApiToken create(long accountId, String name, Role role, Actor createdBy) {
    String cleanName = checkName(name);
    Objects.requireNonNull(role, "role");
    String secret = generateSecret();
    long id =
        tokens.insert(
            accountId,
            cleanName,
            role,
            hash(secret),
            secret.substring(0, SECRET_PREFIX.length() + 4),
            clock.instant(),
            createdBy.name());
    return new CreatedApiToken(tokens.find(accountId, id).orElseThrow(), secret);
  }

  /**
   * Creates a token whose secret is exactly {@code secret} (start-up bootstrap), unless a token
   * with that secret exists already.
   *
   * @return whether a token was created
   */
  @Transactional
  public boolean createWithSecretIfAbsent(
      long accountId, String name, Role role, String secret, Actor createdBy) {
    String tokenHash = hash(secret);
    if (tokens.existsByHash(tokenHash)) {
      return false;
    }
    tokens.insert(
        accountId,
        checkName(name),
        role,
        tokenHash,
        secret.substring(0, 4),
        clock.instant(),
        createdBy.name());
    return true;
  }

  /** All tokens of the account, newest first, revoked ones included. */
  public List<ApiTokenRecord> list(long accountId) {
    return tokens.list(accountId);
  }

  public Optional<ApiTokenRecord> find(long accountId, long tokenId) {
    return tokens.find(accountId, tokenId);
  }

  /**
   * Revokes a token of the account; effective on the token's next request.
   *
   * @return the revoked token; empty when the account has no such token or it was revoked already
   */
  @Transactional
  public Optional<ApiTokenRecord> revoke(long accountId, long tokenId) {
    if (tokens.revoke(accountId, tokenId, clock.instant()) == 0) {
      return Optional.empty();
    }
    return tokens.find(accountId, tokenId);
  }

  /**
   * The live (not revoked) token with this secret. Does not record the use: call {@link
   * #markUsed(long)} once the request is accepted.
   */
  public Optional<ApiTokenRecord> authenticate(String rawToken) {
    if (rawToken.isEmpty() || rawToken.length() > MAX_SECRET_LENGTH) {
      return Optional.empty();
    }
    return tokens.findActiveByHash(hash(rawToken));
  }

  /** Records that the token authenticated a request now (written at most once a minute). */
  public void markUsed(long tokenId) {
    Instant now = clock.instant();
    tokens.markUsed(tokenId, now, now.minus(LAST_USED_PRECISION));
  }

  /** SHA-256 of the secret's UTF-8 bytes, as lower-case hex: the stored form of a secret. */
  static String hash(String secret) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  private String generateSecret() {
    var secret = new StringBuilder(SECRET_PREFIX.length() + SECRET_RANDOM_CHARS);
    secret.append(SECRET_PREFIX);
    for (int i = 0; i < SECRET_RANDOM_CHARS; i++) {
      secret.append(BASE62.charAt(random.nextInt(BASE62.length())));
    }
    return secret.toString();
  }

  private static String checkName(String name) {
    String clean = name.strip();
    if (clean.isEmpty()) {
      throw new InvalidApiTokenException("Give the token a name, e.g. \"Terraform\".");
    }
    if (clean.length() > MAX_NAME_LENGTH) {
      throw new InvalidApiTokenException(
          "The token name must be at most " + MAX_NAME_LENGTH + " characters long.");
    }
    if (clean.codePoints().anyMatch(Character::isISOControl)) {
      throw new InvalidApiTokenException("The token name must not contain control characters.");
    }
    return clean;
  }
}
