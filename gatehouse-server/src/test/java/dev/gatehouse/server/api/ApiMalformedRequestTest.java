package dev.gatehouse.server.api;

import static dev.gatehouse.server.api.ApiFixture.bearer;
import static dev.gatehouse.server.api.ApiFixture.from;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gatehouse.server.account.AccountService;
import dev.gatehouse.server.api.ApiFixture.Tenant;
import dev.gatehouse.server.token.ApiTokenService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Strict request handling: every malformed request gets a problem+json with a stable code and a
 * detail written by us (never a parser's message or a stack trace); failed authentications are
 * limited per client IP.
 */
@SpringBootTest(properties = "gatehouse.api.failed-auth.max-failures=5")
@AutoConfigureMockMvc
class ApiMalformedRequestTest {

  static final String PEER = "198.51.100.50";

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired ApiTokenService tokens;

  Tenant acme;

  @BeforeEach
  void createTenant() {
    acme = new ApiFixture(accounts, tokens).tenant();
  }

  ResultActions send(String method, String path, String contentType, String body) throws Exception {
    var request =
        switch (method) {
          case "POST" -> post(path);
          case "PUT" -> put(path);
          default ->
              org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch(path);
        };
    if (contentType != null) {
      request.contentType(contentType);
    }
    return mvc.perform(
        request
            .content(body)
            .header(HttpHeaders.AUTHORIZATION, bearer(acme.adminToken()))
            .with(from(PEER)));
  }

  static ResultActions problem(ResultActions result, int status, String code) throws Exception {
    return result
        .andExpect(status().is(status))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(status))
        .andExpect(jsonPath("$.code").value(code))
        .andExpect(jsonPath("$.title").isString())
        .andExpect(jsonPath("$.detail").isString())
        .andExpect(jsonPath("$.detail").value(not(containsString("Exception"))))
        .andExpect(jsonPath("$.detail").value(not(containsString("jackson"))))
        .andExpect(jsonPath("$.trace").doesNotExist());
  }

  @Test
  void brokenJsonThen400MalformedJson() throws Exception {
    problem(
        send("POST", acme.entries(), "application/json", "{\"addresses\": "),
        400,
        "malformed_json");
  }

  @Test
  void emptyBodyThen400MalformedJson() throws Exception {
    problem(send("POST", acme.entries(), "application/json", ""), 400, "malformed_json");
  }

  @Test
  void trailingContentAfterTheObjectThen400MalformedJson() throws Exception {
    problem(
        send(
            "PATCH",
            acme.allowlist(),
            "application/json",
            "{\"enabled\":false} {\"enabled\":true}"),
        400,
        "malformed_json");
  }

  @Test
  void duplicateMemberThen400MalformedJson() throws Exception {
    problem(
        send("PATCH", acme.allowlist(), "application/json", "{\"enabled\":false,\"enabled\":true}"),
        400,
        "malformed_json");
  }

  @Test
  void arrayInsteadOfObjectThen400() throws Exception {
    problem(send("PATCH", acme.allowlist(), "application/json", "[true]"), 400, "malformed_json");
  }

  @Test
  void unknownFieldThen400UnknownFieldNamingIt() throws Exception {
    problem(
            send(
                "POST",
                acme.entries(),
                "application/json",
                "{\"addresses\":\"192.0.2.1\",\"comment\":\"hi\"}"),
            400,
            "unknown_field")
        .andExpect(jsonPath("$.detail").value(containsString("comment")));
  }

  @Test
  void fractionForAnIdThen400InvalidRequest() throws Exception {
    problem(
        send("POST", acme.entries() + "/batch-delete", "application/json", "{\"ids\":[1.5]}"),
        400,
        "invalid_request");
  }

  @Test
  void bodyOver64KibThen413PayloadTooLarge() throws Exception {
    String label = "x".repeat(70 * 1024);
    problem(
        send(
            "POST",
            acme.entries(),
            "application/json",
            "{\"addresses\":\"192.0.2.1\",\"label\":\"" + label + "\"}"),
        413,
        "payload_too_large");
  }

  @Test
  void bodyOfExactly64KibIsRead() throws Exception {
    String prefix = "{\"addresses\":\"192.0.2.1\",\"label\":\"";
    String suffix = "\"}";
    String label = "x".repeat(64 * 1024 - prefix.length() - suffix.length());
    // Read in full (so not 413), then refused by the service for its label length.
    problem(
        send("POST", acme.entries(), "application/json", prefix + label + suffix),
        400,
        "invalid_label");
  }

  @Test
  void textPlainThen415UnsupportedMediaType() throws Exception {
    problem(send("POST", acme.entries(), "text/plain", "192.0.2.1"), 415, "unsupported_media_type");
  }

  @Test
  void formEncodedThen415UnsupportedMediaType() throws Exception {
    problem(
        send("POST", acme.entries(), "application/x-www-form-urlencoded", "addresses=192.0.2.1"),
        415,
        "unsupported_media_type");
  }

  @Test
  void noContentTypeThen415() throws Exception {
    problem(
        send("POST", acme.entries(), null, "{\"addresses\":\"192.0.2.1\"}"),
        415,
        "unsupported_media_type");
  }

  @Test
  void unknownRouteThen404Problem() throws Exception {
    problem(
        mvc.perform(
            get("/api/v1/no-such-thing")
                .header(HttpHeaders.AUTHORIZATION, bearer(acme.adminToken()))
                .with(from(PEER))),
        404,
        "not_found");
  }

  @Test
  void unknownRouteUnderAccountThen404Problem() throws Exception {
    problem(
        mvc.perform(
            get("/api/v1/accounts/" + acme.slug() + "/nothing-here")
                .header(HttpHeaders.AUTHORIZATION, bearer(acme.adminToken()))
                .with(from(PEER))),
        404,
        "not_found");
  }

  @Test
  void wrongMethodThen405ProblemWithAllow() throws Exception {
    problem(
            send("PUT", acme.allowlist(), "application/json", "{\"enabled\":true}"),
            405,
            "method_not_allowed")
        .andExpect(header().string(HttpHeaders.ALLOW, containsString("PATCH")));
    problem(
        mvc.perform(
            delete("/api/v1/whoami")
                .header(HttpHeaders.AUTHORIZATION, bearer(acme.adminToken()))
                .with(from(PEER))),
        405,
        "method_not_allowed");
  }

  @Test
  void acceptExcludingJsonThen406ProblemAnyway() throws Exception {
    problem(
        mvc.perform(
            get("/api/v1/whoami")
                .accept(MediaType.TEXT_HTML)
                .header(HttpHeaders.AUTHORIZATION, bearer(acme.adminToken()))
                .with(from(PEER))),
        406,
        "not_acceptable");
  }

  @Test
  void nonNumericEntryIdThen400InvalidRequest() throws Exception {
    problem(
        mvc.perform(
            delete(acme.entries() + "/abc")
                .header(HttpHeaders.AUTHORIZATION, bearer(acme.adminToken()))
                .with(from(PEER))),
        400,
        "invalid_request");
  }

  @Test
  void failedAuthenticationsOverTheLimitThen429WithRetryAfterForThatIpOnly() throws Exception {
    String attacker = "192.0.2.99";
    for (int i = 0; i < 5; i++) {
      mvc.perform(
              get("/api/v1/whoami")
                  .header(HttpHeaders.AUTHORIZATION, bearer("gh_guess" + i))
                  .with(from(attacker)))
          .andExpect(status().isUnauthorized());
    }
    problem(
            mvc.perform(
                get("/api/v1/whoami")
                    .header(HttpHeaders.AUTHORIZATION, bearer("gh_guess5"))
                    .with(from(attacker))),
            429,
            "too_many_requests")
        .andExpect(header().exists(HttpHeaders.RETRY_AFTER));
    // Even a valid token waits out the window from that IP...
    problem(
        mvc.perform(
            get("/api/v1/whoami")
                .header(HttpHeaders.AUTHORIZATION, bearer(acme.adminToken()))
                .with(from(attacker))),
        429,
        "too_many_requests");
    // ...while other IPs are not affected.
    mvc.perform(
            get("/api/v1/whoami")
                .header(HttpHeaders.AUTHORIZATION, bearer(acme.adminToken()))
                .with(from("192.0.2.100")))
        .andExpect(status().isOk());
  }

  @Test
  void requestsWithoutAnyTokenAreNotCountedAsFailures() throws Exception {
    String caller = "192.0.2.98";
    for (int i = 0; i < 8; i++) {
      mvc.perform(get("/api/v1/whoami").with(from(caller))).andExpect(status().isUnauthorized());
    }
    mvc.perform(
            get("/api/v1/whoami")
                .header(HttpHeaders.AUTHORIZATION, bearer(acme.adminToken()))
                .with(from(caller)))
        .andExpect(status().isOk());
  }
}
