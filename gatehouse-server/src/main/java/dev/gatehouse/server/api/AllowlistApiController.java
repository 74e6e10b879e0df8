package dev.gatehouse.server.api;

import dev.gatehouse.core.IpAddress;
import dev.gatehouse.server.account.AccountAccess;
import dev.gatehouse.server.allowlist.AllowlistService;
import dev.gatehouse.server.api.AllowlistApiModels.AddEntriesRequest;
import dev.gatehouse.server.api.AllowlistApiModels.AddEntriesResponse;
import dev.gatehouse.server.api.AllowlistApiModels.AllowlistJson;
import dev.gatehouse.server.api.AllowlistApiModels.BatchDeleteRequest;
import dev.gatehouse.server.api.AllowlistApiModels.BatchDeleteResponse;
import dev.gatehouse.server.api.AllowlistApiModels.UpdateAllowlistRequest;
import dev.gatehouse.server.web.ClientIp;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The IP allowlist of an account over HTTP. Authentication, membership and the IP policy have been
 * checked by the security chain before a method here runs; {@link AllowlistService} checks the role
 * and does the rest (validation, atomicity, limit, lockout, audit).
 */
@RestController
@RequestMapping(
    path = ApiPaths.V1 + "/accounts/{slug}/ip-allowlist",
    produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "IP allowlist", description = "Who may reach the account, by client IP address.")
class AllowlistApiController {

  private final AllowlistService allowlists;

  AllowlistApiController(AllowlistService allowlists) {
    this.allowlists = allowlists;
  }

  @GetMapping
  @Operation(
      operationId = "getIpAllowlist",
      summary = "Read the allowlist",
      description = "The restriction toggle, the entry limit and every live entry. Any member.")
  @ApiResponse(responseCode = "200", description = "The allowlist.")
  AllowlistJson get(
      @Parameter(hidden = true) AccountAccess access,
      @Parameter(description = "The account's slug.", example = "acme") @PathVariable String slug) {
    return AllowlistJson.of(allowlists.view(access.accountId()));
  }

  @PatchMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "updateIpAllowlist",
      summary = "Turn enforcement on or off",
      description =
          "Admins only. Turning it on is refused with 409 `lockout` unless a live entry covers"
              + " your own client IP. Turning it off keeps the entries.")
  @ApiResponse(responseCode = "200", description = "The allowlist after the change.")
  @ApiResponse(responseCode = "409", description = "`lockout`: add your own IP first.")
  AllowlistJson update(
      @Parameter(hidden = true) AccountAccess access,
      @Parameter(description = "The account's slug.", example = "acme") @PathVariable String slug,
      @RequestBody UpdateAllowlistRequest body,
      HttpServletRequest request) {
    if (body.enabled() == null) {
      throw ApiException.badRequest(
          ApiProblemCodes.INVALID_REQUEST, "Field 'enabled' is required (true or false).");
    }
    return AllowlistJson.of(allowlists.setEnabled(access, clientIp(request), body.enabled()));
  }

  @PostMapping(path = "/entries", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      operationId = "addIpAllowlistEntries",
      summary = "Add addresses",
      description =
          "Admins only. Up to 20 addresses or CIDR blocks in one string, separated by commas or"
              + " line breaks. Atomic: when any item is invalid nothing is added and every invalid"
              + " item is reported in `errors`. Items already listed or repeated are reported in"
              + " `alreadyPresent`, not as errors.")
  @ApiResponse(responseCode = "201", description = "Added.")
  @ApiResponse(
      responseCode = "400",
      description =
          "`invalid_addresses` (with `errors`), `too_many_addresses`, `invalid_label`,"
              + " `invalid_expiry`.")
  @ApiResponse(responseCode = "409", description = "`limit_exceeded`: the account is full.")
  AddEntriesResponse add(
      @Parameter(hidden = true) AccountAccess access,
      @Parameter(description = "The account's slug.", example = "acme") @PathVariable String slug,
      @RequestBody AddEntriesRequest body,
      HttpServletRequest request) {
    if (body.addresses() == null) {
      throw ApiException.badRequest(
          ApiProblemCodes.INVALID_REQUEST,
          "Field 'addresses' is required: one string of addresses separated by commas.");
    }
    Instant expiresAt = body.expiresAt() == null ? null : body.expiresAt().toInstant();
    return AddEntriesResponse.of(
        allowlists.add(access, clientIp(request), body.addresses(), body.label(), expiresAt));
  }

  @DeleteMapping("/entries/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      operationId = "deleteIpAllowlistEntry",
      summary = "Delete one entry",
      description =
          "Admins only. Refused with 409 `lockout` when enforcement is on and no remaining entry"
              + " would cover your own client IP.")
  @ApiResponse(responseCode = "204", description = "Deleted.")
  @ApiResponse(responseCode = "404", description = "`not_found`: no such entry on this account.")
  @ApiResponse(responseCode = "409", description = "`lockout`.")
  void delete(
      @Parameter(hidden = true) AccountAccess access,
      @Parameter(description = "The account's slug.", example = "acme") @PathVariable String slug,
      @Parameter(description = "The id.", example = "42") @PathVariable long id,
      HttpServletRequest request) {
    allowlists.delete(access, clientIp(request), id);
  }

  @PostMapping(path = "/entries/batch-delete", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "batchDeleteIpAllowlistEntries",
      summary = "Delete several entries",
      description =
          "Admins only. All or nothing: an unknown id (404 `not_found`) or a lockout (409"
              + " `lockout`) deletes nothing.")
  @ApiResponse(responseCode = "200", description = "How many entries were deleted.")
  @ApiResponse(responseCode = "404", description = "`not_found`: an id is not on this account.")
  @ApiResponse(responseCode = "409", description = "`lockout`.")
  BatchDeleteResponse batchDelete(
      @Parameter(hidden = true) AccountAccess access,
      @Parameter(description = "The account's slug.", example = "acme") @PathVariable String slug,
      @RequestBody BatchDeleteRequest body,
      HttpServletRequest request) {
    List<Long> ids = body.ids();
    if (ids == null || ids.contains(null)) {
      throw ApiException.badRequest(
          ApiProblemCodes.INVALID_REQUEST, "Field 'ids' is required: an array of entry ids.");
    }
    return new BatchDeleteResponse(allowlists.deleteAll(access, clientIp(request), ids));
  }

  /**
   * The caller's client IP, as the IP policy judged it. Present on every request that got here: a
   * client without one matches no allowlist, and the policy guard only lets it through when the
   * toggle is off, where no lockout check needs it.
   */
  static IpAddress clientIp(HttpServletRequest request) {
    return ClientIp.of(request)
        .orElseThrow(
            () ->
                ApiException.badRequest(
                    ApiProblemCodes.INVALID_REQUEST,
                    "The server could not determine your client IP address."));
  }
}
