package dev.gatehouse.server.api;

import dev.gatehouse.server.account.AccountAccess;
import dev.gatehouse.server.account.Role;
import dev.gatehouse.server.web.ClientIp;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells a token's holder what the token is and how the server sees them. Subject to the account's
 * IP policy like every other call: a blocked caller gets 403 {@code ip_not_allowed} with its {@code
 * clientIp}, which is how a blocked CI job finds out which address to whitelist.
 */
@RestController
@Tag(name = "Token", description = "The calling token.")
class WhoamiController {

  @Schema(name = "Whoami", description = "The calling token and the client IP the server sees.")
  record WhoamiJson(
      @Schema(description = "Slug of the token's account.", example = "acme") String account,
      @Schema(description = "The token's role.", example = "ADMIN") Role role,
      @Schema(description = "The token's name.", example = "terraform") String tokenName,
      @Schema(description = "Your client IP as the server sees it.", example = "203.0.113.7")
          String clientIp) {}

  @GetMapping(path = ApiPaths.V1 + "/whoami", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "whoami",
      summary = "Who am I",
      description =
          "The token's account, role and name, and your client IP as the server sees it (after"
              + " trusted proxies). Subject to the account's IP policy.")
  WhoamiJson whoami(@Parameter(hidden = true) AccountAccess access, HttpServletRequest request) {
    return new WhoamiJson(
        access.slug(), access.role(), access.actor().name(), ClientIp.text(request));
  }
}
