package dev.gatehouse.server.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}):
 * bearer authentication for every operation, and the problem+json error shape with the codes each
 * status can carry.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static final String BEARER_SCHEME = "bearerToken";
  private static final String PROBLEM_SCHEMA = "Problem";
  private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;

  @Bean
  OpenAPI gatehouseOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Gatehouse API")
                .version("v1")
                .description(
                    "Manage an account's IP allowlist, API tokens and audit log. Authenticate"
                        + " every call with `Authorization: Bearer <token>`; tokens are created on"
                        + " the account's API tokens page or with this API. Calls are subject to"
                        + " the account's IP allowlist like every page. Errors are RFC 9457"
                        + " `application/problem+json` with a stable `code`."))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER_SCHEME,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("An API token of the account, e.g. gh_4Vb9kQ2m...")))
        .addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
  }

  /** Documents the problem responses every operation can give, next to its own. */
  @Bean
  OpenApiCustomizer gatehouseProblemResponses() {
    return openApi -> {
      // Added here, not in the OpenAPI bean: springdoc drops schemas no operation refers to yet.
      if (openApi.getComponents() == null) {
        openApi.setComponents(new Components());
      }
      openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
      if (openApi.getPaths() == null) {
        return;
      }
      openApi
          .getPaths()
          .values()
          .forEach(path -> path.readOperations().forEach(OpenApiConfiguration::addProblems));
    };
  }

  private static void addProblems(Operation operation) {
    ApiResponses responses = operation.getResponses();
    if (responses == null) {
      responses = new ApiResponses();
      operation.setResponses(responses);
    }
    Map<String, String> common = new LinkedHashMap<>();
    common.put(
        "400", "`malformed_json`, `unknown_field`, `invalid_request` and per-operation codes.");
    common.put("401", "`unauthorized`: missing, invalid or revoked token.");
    common.put(
        "403",
        "`ip_not_allowed` (with `clientIp`): your IP is not on the allowlist; `forbidden`: the"
            + " token's role may not do this.");
    common.put("404", "`not_found`: unknown account (or another account's), entry or token.");
    common.put("413", "`payload_too_large`: body over 64 KiB.");
    common.put("415", "`unsupported_media_type`: send application/json.");
    common.put("429", "`too_many_requests`: too many failed authentications; see Retry-After.");
    for (var entry : common.entrySet()) {
      if (responses.get(entry.getKey()) == null) {
        responses.addApiResponse(entry.getKey(), new ApiResponse().description(entry.getValue()));
      }
    }
    // Every error, whatever springdoc inferred from the method's return type, is a problem.
    responses.forEach(
        (status, response) -> {
          if (status.startsWith("4") || status.startsWith("5")) {
            response.setContent(
                new Content()
                    .addMediaType(
                        "application/problem+json",
                        new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
          }
        });
  }

  @SuppressWarnings("rawtypes")
  private static Schema problemSchema() {
    Schema<?> error =
        new ObjectSchema()
            .addProperty("input", new StringSchema().example("10.1.2.3/8"))
            .addProperty(
                "reason",
                new StringSchema().example("host bits are set; did you mean 10.0.0.0/8?"));
    return new ObjectSchema()
        .description("RFC 9457 problem details with a stable machine-readable code.")
        .addProperty("type", new StringSchema().example("about:blank"))
        .addProperty("title", new StringSchema().example("Bad Request"))
        .addProperty("status", new IntegerSchema().example(400))
        .addProperty(
            "detail",
            new StringSchema()
                .example("1 item is not a valid IP address or CIDR block; nothing was added."))
        .addProperty("code", new StringSchema().example("invalid_addresses"))
        .addProperty(
            "errors",
            new ArraySchema().items(error).description("Per-item errors of invalid_addresses."))
        .addProperty(
            "clientIp",
            new StringSchema()
                .example("203.0.113.7")
                .description("With ip_not_allowed and lockout: your IP as the server sees it."));
  }
}
