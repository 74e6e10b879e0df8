package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gatehouse.server.account.AccountAccess;
import dev.gatehouse.server.account.AccountRequestGuard;
import dev.gatehouse.server.account.Role;
import dev.gatehouse.server.testsupport.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockCookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform end to end on the default database: sign-in, account scoping, guards. Runs on
 * PostgreSQL too ({@link PlatformPostgresTest}).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({Fixtures.class, PlatformApplicationTest.Probe.class})
class PlatformApplicationTest {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;

  @BeforeEach
  void accounts() {
    fixtures.member("acme", "ada@acme.test", Role.ADMIN);
    fixtures.member("acme", "max@acme.test", Role.MEMBER);
    fixtures.member("globex", "gina@globex.test", Role.ADMIN);
  }

  @Test
  void signInWithCorrectPasswordThenRedirectedHomeAndSessionAuthenticated() throws Exception {
    MvcResult result =
        mvc.perform(
                post("/login")
                    .param("email", "Ada@Acme.test")
                    .param("password", Fixtures.PASSWORD)
                    .with(csrf()))
            .andExpect(status().isFound())
            .andExpect(redirectedUrl("/"))
            .andReturn();

    MockCookie session = (MockCookie) result.getResponse().getCookie("GATEHOUSE_SESSION");
    assertThat(session).isNotNull();
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getSameSite()).isEqualTo("Lax");
    mvc.perform(get("/").cookie(session))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/accounts/acme/dashboard"));
  }

  @Test
  void signInWithWrongPasswordThenBackToLoginWithError() throws Exception {
    mvc.perform(
            post("/login")
                .param("email", "ada@acme.test")
                .param("password", "wrong password")
                .with(csrf()))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/login?error"));
  }

  @Test
  void loginPageHasTheContractTestIds() throws Exception {
    mvc.perform(get("/login"))
        .andExpect(status().isOk())
        .andExpect(
            content().string(org.hamcrest.Matchers.containsString("data-testid=\"login-email\"")))
        .andExpect(
            content()
                .string(org.hamcrest.Matchers.containsString("data-testid=\"login-password\"")))
        .andExpect(
            content().string(org.hamcrest.Matchers.containsString("data-testid=\"login-submit\"")));
  }

  @Test
  void anonymousPageRequestThenRedirectedToLogin() throws Exception {
    mvc.perform(get("/accounts/acme/probe"))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/login"));
  }

  @Test
  void anonymousApiRequestThenProblemJson401NotRedirect() throws Exception {
    mvc.perform(get("/api/v1/accounts/acme/ip-allowlist"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("Content-Type", "application/problem+json;charset=UTF-8"))
        .andExpect(jsonPath("$.status").value(401))
        .andExpect(jsonPath("$.code").value("unauthorized"));
  }

  @Test
  void memberThenAccessResolvedWithRoleAndActor() throws Exception {
    mvc.perform(get("/accounts/acme/probe").with(fixtures.signedIn("max@acme.test")))
        .andExpect(status().isOk())
        .andExpect(content().string("acme|Acme|MEMBER|USER|max@acme.test"));
  }

  @Test
  void memberOfAnotherAccountThenSame404AsUnknownAccount() throws Exception {
    String otherAccount =
        mvc.perform(get("/accounts/globex/probe").with(fixtures.signedIn("max@acme.test")))
            .andExpect(status().isNotFound())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String unknownAccount =
        mvc.perform(get("/accounts/nosuch/probe").with(fixtures.signedIn("max@acme.test")))
            .andExpect(status().isNotFound())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(otherAccount).isEqualTo(unknownAccount);
  }

  @Test
  void guardRefusesThenControllerNotReached() throws Exception {
    mvc.perform(
            get("/accounts/acme/probe")
                .header("X-Probe-Block", "yes")
                .with(fixtures.signedIn("ada@acme.test")))
        .andExpect(status().isIAmATeapot());
  }

  @Test
  void guardNotConsultedForNonMembers() throws Exception {
    mvc.perform(
            get("/accounts/globex/probe")
                .header("X-Probe-Block", "yes")
                .with(fixtures.signedIn("ada@acme.test")))
        .andExpect(status().isNotFound());
  }

  @Test
  void userWithSeveralAccountsThenPickerListsThem() throws Exception {
    fixtures.member("globex", "ada@acme.test", Role.MEMBER);

    mvc.perform(get("/").with(fixtures.signedIn("ada@acme.test")))
        .andExpect(status().isOk())
        .andExpect(
            content().string(org.hamcrest.Matchers.containsString("/accounts/acme/dashboard")))
        .andExpect(
            content().string(org.hamcrest.Matchers.containsString("/accounts/globex/dashboard")));
  }

  @Test
  void userWithoutAccountsThenPickerSaysSo() throws Exception {
    fixtures.user("loner@nowhere.test");

    mvc.perform(get("/").with(fixtures.signedIn("loner@nowhere.test")))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.containsString(
                        "You are not a member of any account yet")));
  }

  @Test
  void anonymousAccountPickerThenRedirectedToLogin() throws Exception {
    mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
  }

  @Test
  void signedInUserOpeningLoginThenSentHome() throws Exception {
    mvc.perform(get("/login").with(fixtures.signedIn("ada@acme.test")))
        .andExpect(redirectedUrl("/"));
  }

  /** A test-only account-scoped endpoint and a guard that refuses on a header. */
  @TestConfiguration
  static class Probe {

    @Bean
    ProbeController probeController() {
      return new ProbeController();
    }

    @Bean
    AccountRequestGuard teapotGuard() {
      return (access, request, response) -> {
        if (request.getHeader("X-Probe-Block") != null) {
          response.setStatus(418);
          return false;
        }
        return true;
      };
    }
  }

  @RestController
  static class ProbeController {

    @GetMapping("/accounts/{slug}/probe")
    String probe(AccountAccess access) {
      return String.join(
          "|",
          access.slug(),
          access.accountName(),
          access.role().name(),
          access.actor().kind().name(),
          access.actor().name());
    }
  }
}
