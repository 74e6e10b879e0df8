package dev.gatehouse.server.api;

import dev.gatehouse.server.account.AccountAccess;
import dev.gatehouse.server.audit.AuditEvent;
import dev.gatehouse.server.audit.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The account's audit log, newest first. Admins only, like the audit log page: its events carry
 * other people's IP addresses.
 */
@RestController
@Tag(name = "Audit", description = "Who changed what, when, and from where.")
class AuditEventApiController {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;

  private final AuditLog auditLog;

  AuditEventApiController(AuditLog auditLog) {
    this.auditLog = auditLog;
  }

  @Schema(name = "AuditEvent", description = "One change to the account.")
  record AuditEventJson(
      @Schema(description = "When it happened.", example = "2026-11-02T09:15:00.123456Z")
          Instant at,
      @Schema(
              description = "A user's email, an API token's name, or `system`.",
              example = "terraform")
          String actor,
      @Schema(
              description = "The actor's client IP, or `local` for server commands.",
              example = "203.0.113.7")
          String actorIp,
      @Schema(description = "Stable action name.", example = "entry.added") String action,
      @Schema(description = "What changed.", example = "added 203.0.113.0/24 (Office VPN)")
          String details) {

    static AuditEventJson of(AuditEvent event) {
      return new AuditEventJson(
          event.at(), event.actor(), event.actorIp(), event.action(), event.details());
    }
  }

  @Schema(name = "AuditEvents", description = "Audit events, newest first.")
  record AuditEventsJson(List<AuditEventJson> events) {}

  @GetMapping(
      path = ApiPaths.V1 + "/accounts/{slug}/audit-events",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "listAuditEvents",
      summary = "List audit events",
      description =
          "The account's most recent audit events, newest first. Admins only. `limit` is 1 to"
              + " 500, default 50; anything else is 400 `invalid_request`.")
  AuditEventsJson list(
      @Parameter(hidden = true) AccountAccess access,
      @Parameter(description = "The account's slug.", example = "acme") @PathVariable String slug,
      @Parameter(description = "How many events, 1 to 500.", example = "50")
          @RequestParam(name = "limit", defaultValue = "" + DEFAULT_LIMIT)
          int limit) {
    access.requireAdmin();
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiException.badRequest(
          ApiProblemCodes.INVALID_REQUEST, "Parameter 'limit' must be between 1 and 500.");
    }
    return new AuditEventsJson(
        auditLog.newestFirst(access.accountId(), limit).stream().map(AuditEventJson::of).toList());
  }
}
