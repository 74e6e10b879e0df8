package dev.gatehouse.server.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/** The OpenAPI description and Swagger UI are public, describe only the API, and load under CSP. */
@SpringBootTest
@AutoConfigureMockMvc
class ApiDocsTest {

  @Autowired MockMvc mvc;

  @Test
  void apiDocsDescribeEveryApiPathWithBearerAuthAndNoPages() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE))
        .andExpect(jsonPath("$.openapi").value(containsString("3.")))
        .andExpect(jsonPath("$.components.securitySchemes.bearerToken.scheme").value("bearer"))
        .andExpect(jsonPath("$.security[0].bearerToken").isArray())
        .andExpect(jsonPath("$.paths['/api/v1/whoami'].get").exists())
        .andExpect(jsonPath("$.paths['/api/v1/accounts/{slug}/ip-allowlist'].get").exists())
        .andExpect(jsonPath("$.paths['/api/v1/accounts/{slug}/ip-allowlist'].patch").exists())
        .andExpect(
            jsonPath("$.paths['/api/v1/accounts/{slug}/ip-allowlist/entries'].post").exists())
        .andExpect(
            jsonPath("$.paths['/api/v1/accounts/{slug}/ip-allowlist/entries/{id}'].delete")
                .exists())
        .andExpect(
            jsonPath("$.paths['/api/v1/accounts/{slug}/ip-allowlist/entries/batch-delete'].post")
                .exists())
        .andExpect(jsonPath("$.paths['/api/v1/accounts/{slug}/api-tokens'].post").exists())
        .andExpect(jsonPath("$.paths['/api/v1/accounts/{slug}/api-tokens/{id}'].delete").exists())
        .andExpect(jsonPath("$.paths['/api/v1/accounts/{slug}/audit-events'].get").exists())
        .andExpect(jsonPath("$.paths['/login']").doesNotExist())
        .andExpect(jsonPath("$.components.schemas.Entry.properties.value.example").isString())
        .andExpect(jsonPath("$.components.schemas.Problem.properties.code").exists())
        .andExpect(
            jsonPath(
                    "$.paths['/api/v1/accounts/{slug}/ip-allowlist/entries'].post.responses['409']"
                        + ".description")
                .value(containsString("limit_exceeded")));
  }

  @Test
  void apiDocsAsYamlArePublicToo() throws Exception {
    mvc.perform(get("/v3/api-docs.yaml"))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(containsString("/api/v1/whoami")));
  }

  @Test
  void swaggerUiIsServedWithItsOwnNarrowCspAllowance() throws Exception {
    mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
    mvc.perform(get("/swagger-ui/index.html"))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
        .andExpect(
            header()
                .string(
                    "Content-Security-Policy", containsString("style-src 'self' 'unsafe-inline'")));
  }

  @Test
  void pagesKeepTheStrictCsp() throws Exception {
    mvc.perform(get("/login"))
        .andExpect(status().isOk())
        .andExpect(
            header().string("Content-Security-Policy", not(containsString("unsafe-inline"))));
  }
}
