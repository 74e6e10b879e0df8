package dev.gatehouse.server.api;

import dev.gatehouse.server.account.AccountAccess;
import dev.gatehouse.server.account.Role;
import dev.gatehouse.server.token.ApiTokenAdministration;
import dev.gatehouse.server.token.ApiTokenRecord;
import dev.gatehouse.server.token.CreatedApiToken;
import dev.gatehouse.server.web.ClientIp;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Creating and revoking the account's API tokens. Admins only. */
@RestController
@RequestMapping(path = ApiPaths.V1 + "/accounts/{slug}/api-tokens")
@Tag(name = "API tokens", description = "Bearer tokens for scripts, CI jobs and Terraform.")
class ApiTokenApiController {

  private final ApiTokenAdministration tokens;

  ApiTokenApiController(ApiTokenAdministration tokens) {
    this.tokens = tokens;
  }

  @Schema(name = "ApiTokenRequest", description = "A token to create.")
  record CreateTokenRequest(
      @Schema(
              description = "What the token is for; its actor name in the audit log.",
              example = "terraform",
              requiredMode = Schema.RequiredMode.REQUIRED)
          @Nullable String name,
      @Schema(
              description = "The token's role in the account.",
              example = "MEMBER",
              requiredMode = Schema.RequiredMode.REQUIRED)
          @Nullable Role role) {}

  @Schema(name = "CreatedApiToken", description = "A new token. The secret is shown only here.")
  record CreatedTokenJson(
      @Schema(description = "Token id, used to revoke it.", example = "7") long id,
      @Schema(example = "terraform") String name,
      @Schema(example = "MEMBER") Role role,
      @Schema(
              description =
                  "The secret: send it as Authorization: Bearer <token>. Never shown again.",
              example = "gh_4Vb9kQ2mXw7LrT0pZs8eYh3NcJd6Fu1aGo5iKqWx")
          String token) {}

  @PostMapping(
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      operationId = "createApiToken",
      summary = "Create a token",
      description =
          "Admins only. The response holds the secret; it is stored only as a hash and cannot be"
              + " shown again.")
  @ApiResponse(responseCode = "201", description = "Created; the secret is in `token`.")
  @ApiResponse(responseCode = "400", description = "`invalid_request`: missing or bad name/role.")
  @ApiResponse(responseCode = "403", description = "`forbidden`: a MEMBER token.")
  CreatedTokenJson create(
      @Parameter(hidden = true) AccountAccess access,
      @Parameter(description = "The account's slug.", example = "acme") @PathVariable String slug,
      @RequestBody CreateTokenRequest body,
      HttpServletRequest request) {
    access.requireAdmin(); // before looking at the body: a member learns nothing from a 400
    if (body.name() == null || body.role() == null) {
      throw ApiException.badRequest(
          ApiProblemCodes.INVALID_REQUEST,
          "Fields 'name' and 'role' (ADMIN or MEMBER) are required.");
    }
    CreatedApiToken created =
        tokens.create(access, ClientIp.text(request), body.name(), body.role());
    ApiTokenRecord token = created.token();
    return new CreatedTokenJson(token.id(), token.name(), token.role(), created.secret());
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      operationId = "revokeApiToken",
      summary = "Revoke a token",
      description = "Admins only. Effective on the token's next request.")
  @ApiResponse(responseCode = "204", description = "Revoked.")
  @ApiResponse(
      responseCode = "404",
      description = "`not_found`: no such live token in this account.")
  @ApiResponse(responseCode = "403", description = "`forbidden`: a MEMBER token.")
  void revoke(
      @Parameter(hidden = true) AccountAccess access,
      @Parameter(description = "The account's slug.", example = "acme") @PathVariable String slug,
      @Parameter(description = "The id.", example = "42") @PathVariable long id,
      HttpServletRequest request) {
    tokens
        .revoke(access, ClientIp.text(request), id)
        .orElseThrow(() -> ApiException.notFound("No live API token " + id + " here."));
  }
}
