package dev.gatehouse.server.token;

import dev.gatehouse.server.account.AccountAccess;
import dev.gatehouse.server.account.Role;
import dev.gatehouse.server.audit.AuditLog;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Token changes by a member or token of the account, for the API tokens page and the REST API
 * alike: admin-only, each written to the audit log ({@code token.created}, {@code token.revoked})
 * in the same transaction.
 */
@Service
public class ApiTokenAdministration {

  private final ApiTokenService tokens;
  private final AuditLog audit;

  ApiTokenAdministration(ApiTokenService tokens, AuditLog audit) {
    this.tokens = tokens;
    this.audit = audit;
  }

  /**
   * Creates a token of the caller's account.
   *
   * @throws dev.gatehouse.server.account.ForbiddenException unless the caller is an admin
   * @throws InvalidApiTokenException when the name is empty, too long or has control characters
   */
  @Transactional
  public CreatedApiToken create(AccountAccess access, String actorIp, String name, Role role) {
    access.requireAdmin();
    CreatedApiToken created = tokens.create(access.accountId(), name, role, access.actor());
    ApiTokenRecord token = created.token();
    audit.record(
        access.accountId(),
        access.actor().name(),
        actorIp,
        "token.created",
        "created API token " + token.name() + " (" + token.role() + ")");
    return created;
  }

  /**
   * Revokes a token of the caller's account; effective on the token's next request.
   *
   * @return the revoked token; empty when the account has no such live token
   * @throws dev.gatehouse.server.account.ForbiddenException unless the caller is an admin
   */
  @Transactional
  public Optional<ApiTokenRecord> revoke(AccountAccess access, String actorIp, long tokenId) {
    access.requireAdmin();
    Optional<ApiTokenRecord> revoked = tokens.revoke(access.accountId(), tokenId);
    revoked.ifPresent(
        token ->
            audit.record(
                access.accountId(),
                access.actor().name(),
                actorIp,
                "token.revoked",
                "revoked API token " + token.name()));
    return revoked;
  }
}
