package dev.gatehouse.server.api;

import static dev.gatehouse.server.api.ApiFixture.bearer;
import static dev.gatehouse.server.api.ApiFixture.from;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gatehouse.server.account.AccountService;
import dev.gatehouse.server.api.ApiFixture.Tenant;
import dev.gatehouse.server.testsupport.MutableClock;
import dev.gatehouse.server.token.ApiTokenService;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Temporary entries stop allowing at their {@code expiresAt} (on a clock the test moves), and the
 * bootstrap token ({@code gatehouse.bootstrap.api-token}: any 32+ printable ASCII characters, not
 * only generated-looking ones) authenticates API calls.
 */
@SpringBootTest(
    properties = {
      "gatehouse.bootstrap.account=bootstrapped",
      // The test clock jumps ahead by the hour; keep the policy cache from calling that stale.
      "gatehouse.allowlist.max-staleness=30d",
      "gatehouse.bootstrap.api-token=" + ApiExpiryAndBootstrapTest.BOOTSTRAP_TOKEN
    })
@AutoConfigureMockMvc
class ApiExpiryAndBootstrapTest {

  static final String BOOTSTRAP_TOKEN = "Any printable ASCII: !#$%&'()*+-./:;<=>?@[]^_`{|}~ 0123";
  static final String OFFICE = "198.51.100.7";
  static final String TRAVEL = "192.0.2.77";

  @TestConfiguration
  static class ClockConfiguration {
    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
    }
  }

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired ApiTokenService tokens;
  @Autowired MutableClock clock;

  Tenant acme;

  @BeforeEach
  void createTenant() {
    acme = new ApiFixture(accounts, tokens).tenant();
  }

  ResultActions call(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      String token,
      String peer)
      throws Exception {
    return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, bearer(token)).with(from(peer)));
  }

  @Test
  void entryStopsAllowingAtItsExpiry() throws Exception {
    call(
            post(acme.entries())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"addresses\":\"" + OFFICE + "\"}"),
            acme.adminToken(),
            OFFICE)
        .andExpect(status().isCreated());
    call(
            post(acme.entries())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"addresses\":\""
                        + TRAVEL
                        + "\",\"label\":\"trip\",\"expiresAt\":\"2026-06-01T09:00:00Z\"}"),
            acme.adminToken(),
            OFFICE)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.added[0].expiresAt").value("2026-06-01T09:00:00Z"));
    call(
            patch(acme.allowlist())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\":true}"),
            acme.adminToken(),
            OFFICE)
        .andExpect(status().isOk());

    clock.advance(Duration.ofMinutes(59));
    call(get("/api/v1/whoami"), acme.memberToken(), TRAVEL).andExpect(status().isOk());

    clock.advance(Duration.ofMinutes(1));
    call(get("/api/v1/whoami"), acme.memberToken(), TRAVEL)
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("ip_not_allowed"));
    call(get(acme.allowlist()), acme.memberToken(), OFFICE)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.entries", hasSize(1)))
        .andExpect(jsonPath("$.entries[0].value").value(OFFICE));
  }

  @Test
  void expiryAtTheCurrentInstantIsRefused() throws Exception {
    call(
            post(acme.entries())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"addresses\":\"" + TRAVEL + "\",\"expiresAt\":\"" + clock.instant() + "\"}"),
            acme.adminToken(),
            OFFICE)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("invalid_expiry"));
  }

  @Test
  void bootstrapTokenOfPrintableAsciiAuthenticates() throws Exception {
    call(get("/api/v1/whoami"), BOOTSTRAP_TOKEN, OFFICE)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.account").value("bootstrapped"))
        .andExpect(jsonPath("$.role").value("ADMIN"));
    call(get("/api/v1/accounts/bootstrapped/ip-allowlist"), BOOTSTRAP_TOKEN, OFFICE)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.enabled").value(false));
  }
}
