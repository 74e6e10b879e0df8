package dev.gatehouse.server.token;

import dev.gatehouse.server.account.AccountAccess;
import dev.gatehouse.server.account.Role;
import dev.gatehouse.server.audit.AuditLog;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Token changes made from the API tokens page: admin-only, each written to the audit log in the
 * same transaction (same actions and wording as the REST API: {@code token.created}, {@code
 * token.revoked}).
 */
@Service
class ApiTokenAdministration {

  private final ApiTokenService tokens;
  private final AuditLog audit;

  ApiTokenAdministration(ApiTokenService tokens, AuditLog audit) {
    this.tokens = tokens;
    this.audit = audit;
  }

  @Transactional
  CreatedApiToken create(AccountAccess access, String actorIp, String name, Role role) {
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

  @Transactional
  Optional<ApiTokenRecord> revoke(AccountAccess access, String actorIp, long tokenId) {
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
