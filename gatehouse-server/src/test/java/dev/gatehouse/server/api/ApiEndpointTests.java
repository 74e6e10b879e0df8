package dev.gatehouse.server.api;

import static dev.gatehouse.server.api.ApiFixture.bearer;
import static dev.gatehouse.server.api.ApiFixture.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gatehouse.server.account.AccountService;
import dev.gatehouse.server.api.ApiFixture.Tenant;
import dev.gatehouse.server.token.ApiTokenService;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint of SPEC section 5 for every kind of caller: admin token, member token, token of
 * another account, revoked token, no token, blocked IP, forged forwarding headers. Runs on H2
 * ({@link ApiEndpointH2Test}) and PostgreSQL ({@link ApiEndpointPostgresTest}).
 */
@SpringBootTest(properties = "gatehouse.allowlist.max-entries=25")
@AutoConfigureMockMvc
abstract class ApiEndpointTests {

  static final String OFFICE = "198.51.100.7";
  static final String ELSEWHERE = "203.0.113.9";

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired ApiTokenService tokenService;
  @Autowired JsonMapper json;

  ApiFixture fixture;
  Tenant acme;
  Tenant other;

  @BeforeEach
  void createTenants() {
    fixture = new ApiFixture(accounts, tokenService);
    acme = fixture.tenant();
    other = fixture.tenant();
  }

  // --- helpers -------------------------------------------------------------------------------

  ResultActions call(MockHttpServletRequestBuilder request, String token, String peer)
      throws Exception {
    return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, bearer(token)).with(from(peer)));
  }

  ResultActions postJson(String path, String body, String token, String peer) throws Exception {
    return call(post(path).contentType(MediaType.APPLICATION_JSON).content(body), token, peer);
  }

  JsonNode addAs(Tenant tenant, String addresses, String peer) throws Exception {
    String body =
        postJson(
                tenant.entries(),
                "{\"addresses\":\"" + addresses + "\"}",
                tenant.adminToken(),
                peer)
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(body);
  }

  void enable(Tenant tenant, String peer) throws Exception {
    call(
            patch(tenant.allowlist())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\":true}"),
            tenant.adminToken(),
            peer)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.enabled").value(true));
  }

  static ResultActions problem(ResultActions result, int status, String code) throws Exception {
    return result
        .andExpect(status().is(status))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(status))
        .andExpect(jsonPath("$.code").value(code))
        .andExpect(jsonPath("$.title").isString())
        .andExpect(jsonPath("$.detail").isString());
  }

  // --- whoami --------------------------------------------------------------------------------

  @Test
  void whoamiWithAdminTokenThenAccountRoleTokenNameAndClientIp() throws Exception {
    call(get("/api/v1/whoami"), acme.adminToken(), OFFICE)
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.account").value(acme.slug()))
        .andExpect(jsonPath("$.role").value("ADMIN"))
        .andExpect(jsonPath("$.tokenName").value(acme.adminName()))
        .andExpect(jsonPath("$.clientIp").value(OFFICE));
  }

  @Test
  void authenticatedCallRecordsTheTokensLastUse() throws Exception {
    assertThat(lastUsed(acme.adminName())).isNull();
    call(get("/api/v1/whoami"), acme.adminToken(), OFFICE).andExpect(status().isOk());
    assertThat(lastUsed(acme.adminName())).isNotNull();
  }

  java.time.@org.jspecify.annotations.Nullable Instant lastUsed(String tokenName) {
    return tokenService.list(acme.account().id()).stream()
        .filter(token -> token.name().equals(tokenName))
        .findFirst()
        .orElseThrow()
        .lastUsedAt();
  }

  @Test
  void whoamiWithMemberTokenThenMemberRole() throws Exception {
    call(get("/api/v1/whoami"), acme.memberToken(), OFFICE)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.role").value("MEMBER"));
  }

  @Test
  void whoamiWithoutTokenThen401WithBearerChallenge() throws Exception {
    var result = mvc.perform(get("/api/v1/whoami").with(from(OFFICE)));
    problem(result, 401, "unauthorized");
    result.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Bearer")));
  }

  @Test
  void whoamiWithRevokedTokenThen401() throws Exception {
    var result = call(get("/api/v1/whoami"), acme.revokedToken(), "192.0.2.201");
    problem(result, 401, "unauthorized");
    result.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Bearer")));
  }

  @Test
  void whoamiWithUnknownTokenThen401() throws Exception {
    problem(
        call(get("/api/v1/whoami"), "gh_thisIsNotARealTokenAtAllButLongEnough00", "192.0.2.202"),
        401,
        "unauthorized");
  }

  @Test
  void whoamiWithBasicCredentialsThen401() throws Exception {
    problem(
        mvc.perform(
            get("/api/v1/whoami")
                .header(HttpHeaders.AUTHORIZATION, "Basic YWRtaW46c2VjcmV0")
                .with(from("192.0.2.203"))),
        401,
        "unauthorized");
  }

  @Test
  void whoamiWithSessionCookieButNoTokenThen401() throws Exception {
    problem(
        mvc.perform(
            get("/api/v1/whoami")
                .header(HttpHeaders.COOKIE, "GATEHOUSE_SESSION=abc; JSESSIONID=def")
                .with(from(OFFICE))),
        401,
        "unauthorized");
  }

  @Test
  void whoamiFromBlockedIpThen403IpNotAllowedWithClientIp() throws Exception {
    addAs(acme, OFFICE, OFFICE);
    enable(acme, OFFICE);
    problem(call(get("/api/v1/whoami"), acme.adminToken(), ELSEWHERE), 403, "ip_not_allowed")
        .andExpect(jsonPath("$.clientIp").value(ELSEWHERE));
  }

  @Test
  void whoamiResponseSetsNoCookie() throws Exception {
    call(get("/api/v1/whoami"), acme.adminToken(), OFFICE)
        .andExpect(status().isOk())
        .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
  }

  // --- GET ip-allowlist ---------------------------------------------------------------------

  @Test
  void getAllowlistWithAdminTokenThenToggleLimitAndEntries() throws Exception {
    addAs(acme, "10.1.0.0/16", OFFICE);
    call(get(acme.allowlist()), acme.adminToken(), OFFICE)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.enabled").value(false))
        .andExpect(jsonPath("$.maxEntries").value(25))
        .andExpect(jsonPath("$.entries", hasSize(1)))
        .andExpect(jsonPath("$.entries[0].id").isNumber())
        .andExpect(jsonPath("$.entries[0].value").value("10.1.0.0/16"))
        .andExpect(jsonPath("$.entries[0].label").value(nullValue()))
        .andExpect(jsonPath("$.entries[0].expiresAt").value(nullValue()))
        .andExpect(jsonPath("$.entries[0].createdAt").isString())
        .andExpect(jsonPath("$.entries[0].createdBy").value(acme.adminName()));
  }

  @Test
  void getAllowlistWithMemberTokenThenReadable() throws Exception {
    call(get(acme.allowlist()), acme.memberToken(), OFFICE)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.enabled").value(false));
  }

  @Test
  void getAllowlistWithTokenOfAnotherAccountThen404LikeUnknownAccount() throws Exception {
    var foreign = call(get(acme.allowlist()), other.adminToken(), OFFICE);
    problem(foreign, 404, "not_found");
    var unknown =
        call(get("/api/v1/accounts/no-such-account/ip-allowlist"), other.adminToken(), OFFICE);
    problem(unknown, 404, "not_found");
    assertThat(foreign.andReturn().getResponse().getContentAsString())
        .isEqualTo(unknown.andReturn().getResponse().getContentAsString());
  }

  @Test
  void getAllowlistWithoutTokenThen401() throws Exception {
    problem(mvc.perform(get(acme.allowlist()).with(from(OFFICE))), 401, "unauthorized");
  }

  @Test
  void getAllowlistOfUnknownAccountWithoutTokenThen401NotFound() throws Exception {
    problem(
        mvc.perform(get("/api/v1/accounts/no-such-account/ip-allowlist").with(from(OFFICE))),
        401,
        "unauthorized");
  }

  @Test
  void getAllowlistWithRevokedTokenThen401() throws Exception {
    problem(call(get(acme.allowlist()), acme.revokedToken(), "192.0.2.204"), 401, "unauthorized");
  }

  @Test
  void getAllowlistFromBlockedIpThen403EvenForAdmins() throws Exception {
    addAs(acme, OFFICE, OFFICE);
    enable(acme, OFFICE);
    problem(call(get(acme.allowlist()), acme.adminToken(), ELSEWHERE), 403, "ip_not_allowed")
        .andExpect(jsonPath("$.clientIp").value(ELSEWHERE));
    problem(call(get(acme.allowlist()), acme.memberToken(), ELSEWHERE), 403, "ip_not_allowed");
  }

  @Test
  void forwardedHeadersFromUntrustedPeerAreIgnored() throws Exception {
    addAs(acme, OFFICE, OFFICE);
    enable(acme, OFFICE);
    problem(
            mvc.perform(
                get(acme.allowlist())
                    .header(HttpHeaders.AUTHORIZATION, bearer(acme.adminToken()))
                    .header("X-Forwarded-For", OFFICE)
                    .header("Forwarded", "for=" + OFFICE)
                    .with(from(ELSEWHERE))),
            403,
            "ip_not_allowed")
        .andExpect(jsonPath("$.clientIp").value(ELSEWHERE));
    mvc.perform(
            get("/api/v1/whoami")
                .header(HttpHeaders.AUTHORIZATION, bearer(acme.adminToken()))
                .header("X-Forwarded-For", ELSEWHERE)
                .with(from(OFFICE)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.clientIp").value(OFFICE));
  }

  @Test
  void blockedIpOfAnotherAccountGets404NotIpNotAllowed() throws Exception {
    addAs(acme, OFFICE, OFFICE);
    enable(acme, OFFICE);
    problem(call(get(acme.allowlist()), other.adminToken(), ELSEWHERE), 404, "not_found");
  }

  // --- PATCH ip-allowlist -------------------------------------------------------------------

  @Test
  void enableWhenOwnIpListedThenOnAndEnforced() throws Exception {
    addAs(acme, "198.51.100.0/24", OFFICE);
    enable(acme, OFFICE);
    call(get(acme.allowlist()), acme.memberToken(), "198.51.100.200")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.enabled").value(true));
  }

  @Test
  void enableWhenOwnIpNotListedThen409LockoutAndStillOff() throws Exception {
    addAs(acme, "192.0.2.0/24", OFFICE);
    problem(
            call(
                patch(acme.allowlist())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"enabled\":true}"),
                acme.adminToken(),
                OFFICE),
            409,
            "lockout")
        .andExpect(jsonPath("$.detail").value(containsString(OFFICE)))
        .andExpect(jsonPath("$.clientIp").value(OFFICE));
    call(get(acme.allowlist()), acme.adminToken(), OFFICE)
        .andExpect(jsonPath("$.enabled").value(false));
  }

  @Test
  void disableThenListKeptAndEveryoneAllowed() throws Exception {
    addAs(acme, OFFICE, OFFICE);
    enable(acme, OFFICE);
    call(
            patch(acme.allowlist())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\":false}"),
            acme.adminToken(),
            OFFICE)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.enabled").value(false))
        .andExpect(jsonPath("$.entries", hasSize(1)));
    call(get(acme.allowlist()), acme.memberToken(), ELSEWHERE).andExpect(status().isOk());
  }

  @Test
  void enableWithMemberTokenThen403Forbidden() throws Exception {
    addAs(acme, OFFICE, OFFICE);
    problem(
        call(
            patch(acme.allowlist())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\":true}"),
            acme.memberToken(),
            OFFICE),
        403,
        "forbidden");
  }

  @Test
  void memberTokenFromBlockedIpDoingAdminThingsThenIpNotAllowedBeforeForbidden() throws Exception {
    addAs(acme, OFFICE, OFFICE);
    enable(acme, OFFICE);
    problem(
        call(
            patch(acme.allowlist())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\":false}"),
            acme.memberToken(),
            ELSEWHERE),
        403,
        "ip_not_allowed");
    problem(
        call(
            patch(acme.allowlist())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\":false}"),
            acme.memberToken(),
            OFFICE),
        403,
        "forbidden");
  }

  @Test
  void enableWithTokenOfAnotherAccountThen404() throws Exception {
    problem(
        call(
            patch(acme.allowlist())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\":false}"),
            other.adminToken(),
            OFFICE),
        404,
        "not_found");
  }

  @Test
  void patchWithoutEnabledThen400InvalidRequest() throws Exception {
    problem(
        call(
            patch(acme.allowlist()).contentType(MediaType.APPLICATION_JSON).content("{}"),
            acme.adminToken(),
            OFFICE),
        400,
        "invalid_request");
  }

  @Test
  void patchWithStringForBooleanThen400InvalidRequest() throws Exception {
    problem(
            call(
                patch(acme.allowlist())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"enabled\":\"true\"}"),
                acme.adminToken(),
                OFFICE),
            400,
            "invalid_request")
        .andExpect(jsonPath("$.detail").value(containsString("enabled")));
  }

  @Test
  void patchWithUnknownFieldThen400UnknownField() throws Exception {
    problem(
            call(
                patch(acme.allowlist())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"enabled\":false,\"maxEntries\":5000}"),
                acme.adminToken(),
                OFFICE),
            400,
            "unknown_field")
        .andExpect(jsonPath("$.detail").value(containsString("maxEntries")));
  }

  // --- POST entries --------------------------------------------------------------------------

  @Test
  void addWithAdminTokenThen201WithCanonicalEntriesAndAlreadyPresent() throws Exception {
    addAs(acme, "203.0.113.7", OFFICE);
    postJson(
            acme.entries(),
            """
            {"addresses": "::ffff:203.0.113.7, 2001:DB8:0:0:0:0:0:1, 10.0.0.0/8, 10.0.0.0/8",
             "label": "Office VPN", "expiresAt": "2099-01-31T18:00:00+01:00"}""",
            acme.adminToken(),
            OFFICE)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.added", hasSize(2)))
        .andExpect(jsonPath("$.added[0].value").value("2001:db8::1"))
        .andExpect(jsonPath("$.added[0].label").value("Office VPN"))
        .andExpect(jsonPath("$.added[0].expiresAt").value("2099-01-31T17:00:00Z"))
        .andExpect(jsonPath("$.added[0].createdBy").value(acme.adminName()))
        .andExpect(jsonPath("$.added[1].value").value("10.0.0.0/8"))
        .andExpect(jsonPath("$.alreadyPresent", hasSize(2)))
        .andExpect(jsonPath("$.alreadyPresent[0]").value("203.0.113.7"))
        .andExpect(jsonPath("$.alreadyPresent[1]").value("10.0.0.0/8"));
  }

  @Test
  void addWithOneBadItemThen400InvalidAddressesAndNothingAdded() throws Exception {
    problem(
            postJson(
                acme.entries(),
                "{\"addresses\":\"192.0.2.1, 010.0.0.1, 10.1.2.3/8, example.com\"}",
                acme.adminToken(),
                OFFICE),
            400,
            "invalid_addresses")
        .andExpect(jsonPath("$.errors", hasSize(3)))
        .andExpect(jsonPath("$.errors[0].input").value("010.0.0.1"))
        .andExpect(jsonPath("$.errors[0].reason").isString())
        .andExpect(jsonPath("$.errors[1].input").value("10.1.2.3/8"))
        .andExpect(jsonPath("$.errors[1].reason").value(containsString("10.0.0.0/8")))
        .andExpect(jsonPath("$.errors[2].input").value("example.com"));
    assertThat(
            postJson(acme.entries(), "{\"addresses\":\"1.2.3\"}", acme.adminToken(), OFFICE)
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("\"errors\":[{\"input\":\"1.2.3\",\"reason\":\"");
    call(get(acme.allowlist()), acme.adminToken(), OFFICE)
        .andExpect(jsonPath("$.entries", hasSize(0)));
  }

  @Test
  void addTwentyThenAllAdded() throws Exception {
    String twenty =
        IntStream.rangeClosed(1, 20).mapToObj(i -> "192.0.2." + i).collect(Collectors.joining(","));
    JsonNode added = addAs(acme, twenty, OFFICE);
    assertThat(added.get("added").size()).isEqualTo(20);
  }

  @Test
  void addTwentyOneThen400TooManyAddressesAndNothingAdded() throws Exception {
    String twentyOne =
        IntStream.rangeClosed(1, 21)
            .mapToObj(i -> "192.0.2." + i)
            .collect(Collectors.joining("\n"));
    problem(
        postJson(
            acme.entries(),
            "{\"addresses\":" + json.writeValueAsString(twentyOne) + "}",
            acme.adminToken(),
            OFFICE),
        400,
        "too_many_addresses");
    call(get(acme.allowlist()), acme.adminToken(), OFFICE)
        .andExpect(jsonPath("$.entries", hasSize(0)));
  }

  @Test
  void addBeyondAccountLimitThen409LimitExceededAndNothingAdded() throws Exception {
    String twenty =
        IntStream.rangeClosed(1, 20).mapToObj(i -> "192.0.2." + i).collect(Collectors.joining(","));
    addAs(acme, twenty, OFFICE);
    String six =
        IntStream.rangeClosed(1, 6)
            .mapToObj(i -> "198.51.100." + i)
            .collect(Collectors.joining(","));
    problem(
        postJson(acme.entries(), "{\"addresses\":\"" + six + "\"}", acme.adminToken(), OFFICE),
        409,
        "limit_exceeded");
    call(get(acme.allowlist()), acme.adminToken(), OFFICE)
        .andExpect(jsonPath("$.entries", hasSize(20)));
  }

  @Test
  void addWithPastExpiryThen400InvalidExpiry() throws Exception {
    problem(
        postJson(
            acme.entries(),
            "{\"addresses\":\"192.0.2.1\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}",
            acme.adminToken(),
            OFFICE),
        400,
        "invalid_expiry");
  }

  @Test
  void addWithExpiryThatIsNotADateTimeThen400InvalidRequest() throws Exception {
    problem(
            postJson(
                acme.entries(),
                "{\"addresses\":\"192.0.2.1\",\"expiresAt\":\"tomorrow\"}",
                acme.adminToken(),
                OFFICE),
            400,
            "invalid_request")
        .andExpect(jsonPath("$.detail").value(containsString("expiresAt")));
  }

  @Test
  void addWithNumberForAddressesThen400InvalidRequest() throws Exception {
    problem(
        postJson(acme.entries(), "{\"addresses\":7}", acme.adminToken(), OFFICE),
        400,
        "invalid_request");
  }

  @Test
  void addWithoutAddressesThen400InvalidRequest() throws Exception {
    problem(
        postJson(acme.entries(), "{\"label\":\"x\"}", acme.adminToken(), OFFICE),
        400,
        "invalid_request");
  }

  @Test
  void addWithMemberTokenThen403ForbiddenAndNothingAdded() throws Exception {
    problem(
        postJson(acme.entries(), "{\"addresses\":\"192.0.2.1\"}", acme.memberToken(), OFFICE),
        403,
        "forbidden");
    call(get(acme.allowlist()), acme.adminToken(), OFFICE)
        .andExpect(jsonPath("$.entries", hasSize(0)));
  }

  @Test
  void addWithTokenOfAnotherAccountThen404() throws Exception {
    problem(
        postJson(acme.entries(), "{\"addresses\":\"192.0.2.1\"}", other.adminToken(), OFFICE),
        404,
        "not_found");
  }

  @Test
  void addWithRevokedTokenThen401() throws Exception {
    problem(
        postJson(
            acme.entries(), "{\"addresses\":\"192.0.2.1\"}", acme.revokedToken(), "192.0.2.205"),
        401,
        "unauthorized");
  }

  @Test
  void addFromBlockedIpThen403IpNotAllowed() throws Exception {
    addAs(acme, OFFICE, OFFICE);
    enable(acme, OFFICE);
    problem(
        postJson(
            acme.entries(), "{\"addresses\":\"" + ELSEWHERE + "\"}", acme.adminToken(), ELSEWHERE),
        403,
        "ip_not_allowed");
  }

  // --- DELETE entry --------------------------------------------------------------------------

  @Test
  void deleteEntryThen204AndGone() throws Exception {
    long id = addAs(acme, "192.0.2.10", OFFICE).get("added").get(0).get("id").asLong();
    call(delete(acme.entries() + "/" + id), acme.adminToken(), OFFICE)
        .andExpect(status().isNoContent());
    call(get(acme.allowlist()), acme.adminToken(), OFFICE)
        .andExpect(jsonPath("$.entries", hasSize(0)));
  }

  @Test
  void deleteUnknownEntryThen404() throws Exception {
    problem(
        call(delete(acme.entries() + "/987654321"), acme.adminToken(), OFFICE), 404, "not_found");
  }

  @Test
  void deleteEntryOfAnotherAccountThen404AndKept() throws Exception {
    long id = addAs(other, "192.0.2.10", OFFICE).get("added").get(0).get("id").asLong();
    problem(call(delete(acme.entries() + "/" + id), acme.adminToken(), OFFICE), 404, "not_found");
    call(get(other.allowlist()), other.adminToken(), OFFICE)
        .andExpect(jsonPath("$.entries", hasSize(1)));
  }

  @Test
  void deleteOwnEntryWhileEnabledThen409Lockout() throws Exception {
    long id = addAs(acme, OFFICE, OFFICE).get("added").get(0).get("id").asLong();
    enable(acme, OFFICE);
    problem(call(delete(acme.entries() + "/" + id), acme.adminToken(), OFFICE), 409, "lockout");
    call(get(acme.allowlist()), acme.adminToken(), OFFICE)
        .andExpect(jsonPath("$.entries", hasSize(1)));
  }

  @Test
  void deleteWithMemberTokenThen403() throws Exception {
    long id = addAs(acme, "192.0.2.10", OFFICE).get("added").get(0).get("id").asLong();
    problem(call(delete(acme.entries() + "/" + id), acme.memberToken(), OFFICE), 403, "forbidden");
  }

  // --- batch delete --------------------------------------------------------------------------

  @Test
  void batchDeleteThen200WithCount() throws Exception {
    JsonNode added = addAs(acme, "192.0.2.1, 192.0.2.2, 192.0.2.3", OFFICE).get("added");
    String ids =
        "[" + added.get(0).get("id").asLong() + "," + added.get(2).get("id").asLong() + "]";
    postJson(acme.entries() + "/batch-delete", "{\"ids\":" + ids + "}", acme.adminToken(), OFFICE)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.deleted").value(2));
    call(get(acme.allowlist()), acme.adminToken(), OFFICE)
        .andExpect(jsonPath("$.entries", hasSize(1)))
        .andExpect(jsonPath("$.entries[0].value").value("192.0.2.2"));
  }

  @Test
  void batchDeleteWithOneUnknownIdThen404AndNothingDeleted() throws Exception {
    JsonNode added = addAs(acme, "192.0.2.1, 192.0.2.2", OFFICE).get("added");
    String ids = "[" + added.get(0).get("id").asLong() + ",987654321]";
    problem(
        postJson(
            acme.entries() + "/batch-delete", "{\"ids\":" + ids + "}", acme.adminToken(), OFFICE),
        404,
        "not_found");
    call(get(acme.allowlist()), acme.adminToken(), OFFICE)
        .andExpect(jsonPath("$.entries", hasSize(2)));
  }

  @Test
  void batchDeleteOfEveryEntryCoveringMeWhileEnabledThen409LockoutAndNothingDeleted()
      throws Exception {
    JsonNode added = addAs(acme, OFFICE + ", 198.51.100.0/24, 192.0.2.1", OFFICE).get("added");
    enable(acme, OFFICE);
    String ids =
        "[" + added.get(0).get("id").asLong() + "," + added.get(1).get("id").asLong() + "]";
    problem(
        postJson(
            acme.entries() + "/batch-delete", "{\"ids\":" + ids + "}", acme.adminToken(), OFFICE),
        409,
        "lockout");
    call(get(acme.allowlist()), acme.adminToken(), OFFICE)
        .andExpect(jsonPath("$.entries", hasSize(3)));
  }

  @Test
  void batchDeleteWithStringIdsThen400InvalidRequest() throws Exception {
    problem(
        postJson(acme.entries() + "/batch-delete", "{\"ids\":[\"1\"]}", acme.adminToken(), OFFICE),
        400,
        "invalid_request");
  }

  @Test
  void batchDeleteWithMemberTokenThen403() throws Exception {
    problem(
        postJson(acme.entries() + "/batch-delete", "{\"ids\":[1]}", acme.memberToken(), OFFICE),
        403,
        "forbidden");
  }

  // --- API tokens ----------------------------------------------------------------------------

  @Test
  void createTokenWithAdminTokenThen201AndTheSecretWorks() throws Exception {
    String body =
        postJson(
                "/api/v1/accounts/" + acme.slug() + "/api-tokens",
                "{\"name\":\"deploy bot\",\"role\":\"MEMBER\"}",
                acme.adminToken(),
                OFFICE)
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.id").isNumber())
            .andExpect(jsonPath("$.name").value("deploy bot"))
            .andExpect(jsonPath("$.role").value("MEMBER"))
            .andExpect(jsonPath("$.token").value(containsString("gh_")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String secret = json.readTree(body).get("token").asString();
    call(get("/api/v1/whoami"), secret, OFFICE)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.tokenName").value("deploy bot"))
        .andExpect(jsonPath("$.role").value("MEMBER"));
  }

  @Test
  void createTokenWithMemberTokenThen403() throws Exception {
    problem(
        postJson(
            "/api/v1/accounts/" + acme.slug() + "/api-tokens",
            "{\"name\":\"sneaky\",\"role\":\"ADMIN\"}",
            acme.memberToken(),
            OFFICE),
        403,
        "forbidden");
  }

  @Test
  void createTokenWithUnknownRoleThen400() throws Exception {
    problem(
        postJson(
            "/api/v1/accounts/" + acme.slug() + "/api-tokens",
            "{\"name\":\"x\",\"role\":\"OWNER\"}",
            acme.adminToken(),
            OFFICE),
        400,
        "invalid_request");
  }

  @Test
  void createTokenWithBlankNameThen400() throws Exception {
    problem(
        postJson(
            "/api/v1/accounts/" + acme.slug() + "/api-tokens",
            "{\"name\":\"  \",\"role\":\"ADMIN\"}",
            acme.adminToken(),
            OFFICE),
        400,
        "invalid_request");
  }

  @Test
  void revokeTokenThen204AndItStopsWorkingOnTheNextRequest() throws Exception {
    String body =
        postJson(
                "/api/v1/accounts/" + acme.slug() + "/api-tokens",
                "{\"name\":\"short-lived\",\"role\":\"ADMIN\"}",
                acme.adminToken(),
                OFFICE)
            .andReturn()
            .getResponse()
            .getContentAsString();
    JsonNode created = json.readTree(body);
    String secret = created.get("token").asString();
    call(get("/api/v1/whoami"), secret, "192.0.2.206").andExpect(status().isOk());
    call(
            delete("/api/v1/accounts/" + acme.slug() + "/api-tokens/" + created.get("id").asLong()),
            acme.adminToken(),
            OFFICE)
        .andExpect(status().isNoContent());
    problem(call(get("/api/v1/whoami"), secret, "192.0.2.206"), 401, "unauthorized");
  }

  @Test
  void revokeTokenOfAnotherAccountThen404() throws Exception {
    String body =
        postJson(
                "/api/v1/accounts/" + other.slug() + "/api-tokens",
                "{\"name\":\"theirs\",\"role\":\"ADMIN\"}",
                other.adminToken(),
                OFFICE)
            .andReturn()
            .getResponse()
            .getContentAsString();
    long id = json.readTree(body).get("id").asLong();
    problem(
        call(
            delete("/api/v1/accounts/" + acme.slug() + "/api-tokens/" + id),
            acme.adminToken(),
            OFFICE),
        404,
        "not_found");
  }

  @Test
  void revokeTokenWithMemberTokenThen403() throws Exception {
    problem(
        call(
            delete("/api/v1/accounts/" + acme.slug() + "/api-tokens/1"),
            acme.memberToken(),
            OFFICE),
        403,
        "forbidden");
  }

  // --- audit events --------------------------------------------------------------------------

  @Test
  void auditEventsNewestFirstWithTokenNameAsActor() throws Exception {
    addAs(acme, "192.0.2.1", OFFICE);
    addAs(acme, "192.0.2.2", OFFICE);
    call(
            get("/api/v1/accounts/" + acme.slug() + "/audit-events?limit=2"),
            acme.adminToken(),
            OFFICE)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.events", hasSize(2)))
        .andExpect(jsonPath("$.events[0].actor").value(acme.adminName()))
        .andExpect(jsonPath("$.events[0].actorIp").value(OFFICE))
        .andExpect(jsonPath("$.events[0].action").value("entry.added"))
        .andExpect(jsonPath("$.events[0].details").value(containsString("192.0.2.2")))
        .andExpect(jsonPath("$.events[0].at").isString())
        .andExpect(jsonPath("$.events[1].details").value(containsString("192.0.2.1")));
  }

  @Test
  void auditEventsWithMemberTokenThen403Forbidden() throws Exception {
    problem(
        call(get("/api/v1/accounts/" + acme.slug() + "/audit-events"), acme.memberToken(), OFFICE),
        403,
        "forbidden");
  }

  @Test
  void auditEventsWithBadLimitThen400() throws Exception {
    String path = "/api/v1/accounts/" + acme.slug() + "/audit-events?limit=";
    problem(call(get(path + "0"), acme.adminToken(), OFFICE), 400, "invalid_request");
    problem(call(get(path + "501"), acme.adminToken(), OFFICE), 400, "invalid_request");
    problem(call(get(path + "ten"), acme.adminToken(), OFFICE), 400, "invalid_request");
  }

  @Test
  void auditEventsWithTokenOfAnotherAccountThen404() throws Exception {
    problem(
        call(get("/api/v1/accounts/" + acme.slug() + "/audit-events"), other.memberToken(), OFFICE),
        404,
        "not_found");
  }

  @Test
  void tokenChangesAreAudited() throws Exception {
    postJson(
            "/api/v1/accounts/" + acme.slug() + "/api-tokens",
            "{\"name\":\"audited\",\"role\":\"MEMBER\"}",
            acme.adminToken(),
            OFFICE)
        .andExpect(status().isCreated());
    call(get("/api/v1/accounts/" + acme.slug() + "/audit-events"), acme.adminToken(), OFFICE)
        .andExpect(jsonPath("$.events[0].action").value("token.created"))
        .andExpect(jsonPath("$.events[0].actor").value(acme.adminName()))
        .andExpect(jsonPath("$.events[0].details").value(containsString("audited")));
  }
}
