package dev.gatehouse.server.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gatehouse.server.account.Actor;
import dev.gatehouse.server.account.Role;
import dev.gatehouse.server.audit.AuditEvent;
import dev.gatehouse.server.audit.AuditLog;
import dev.gatehouse.server.testsupport.Fixtures;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The API tokens page for every kind of caller. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
class ApiTokensControllerTest {

  private static final String TOKENS = "/accounts/acme/settings/api-tokens";
  private static final Pattern SECRET = Pattern.compile("gh_[0-9A-Za-z]{40}");

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired ApiTokenService tokens;
  @Autowired AuditLog audit;
  @Autowired JdbcClient jdbc;

  long acme;

  @BeforeEach
  void accounts() {
    fixtures.deleteAllAccountsAndUsers();
    acme = fixtures.account("acme").id();
    fixtures.member("acme", "ada@acme.test", Role.ADMIN);
    fixtures.member("acme", "max@acme.test", Role.MEMBER);
    fixtures.member("globex", "gina@globex.test", Role.ADMIN);
  }

  @Test
  void adminCreatesTokenThenSecretShownOnceAndItAuthenticates() throws Exception {
    String html =
        mvc.perform(
                post(TOKENS)
                    .param("name", "Terraform")
                    .param("role", "ADMIN")
                    .with(csrf())
                    .with(fixtures.signedIn("ada@acme.test")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    String secret = Jsoup.parse(html).selectFirst("[data-testid=token-secret]").text();
    assertThat(secret).matches(SECRET);
    ApiTokenRecord token = tokens.authenticate(secret).orElseThrow();
    assertThat(token.name()).isEqualTo("Terraform");
    assertThat(token.role()).isEqualTo(Role.ADMIN);
    assertThat(token.accountId()).isEqualTo(acme);
    assertThat(token.createdBy()).isEqualTo("ada@acme.test");
    assertThat(token.prefix()).isEqualTo(secret.substring(0, 7));
    assertThat(storedText()).doesNotContain(secret).contains(ApiTokenService.hash(secret));

    mvc.perform(get(TOKENS).with(fixtures.signedIn("ada@acme.test")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Terraform")))
        .andExpect(content().string(containsString(secret.substring(0, 7) + "…")))
        .andExpect(content().string(not(containsString(secret))));

    AuditEvent event = audit.newestFirst(acme, 1).get(0);
    assertThat(event.action()).isEqualTo("token.created");
    assertThat(event.actor()).isEqualTo("ada@acme.test");
    assertThat(event.details()).isEqualTo("created API token Terraform (ADMIN)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void createWithoutNameThenErrorAndNoToken(String name) throws Exception {
    mvc.perform(
            post(TOKENS)
                .param("name", name)
                .param("role", "MEMBER")
                .with(csrf())
                .with(fixtures.signedIn("ada@acme.test")))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Give the token a name")));
    assertThat(tokens.list(acme)).isEmpty();
  }

  @Test
  void createWithUnknownRoleThenError() throws Exception {
    mvc.perform(
            post(TOKENS)
                .param("name", "CI")
                .param("role", "OWNER")
                .with(csrf())
                .with(fixtures.signedIn("ada@acme.test")))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Choose a role for the token")));
    assertThat(tokens.list(acme)).isEmpty();
  }

  @Test
  void memberGetsForbiddenPageForEveryTokenAction() throws Exception {
    long id = tokens.create(acme, "CI", Role.MEMBER, Actor.SYSTEM).token().id();

    mvc.perform(get(TOKENS).with(fixtures.signedIn("max@acme.test")))
        .andExpect(status().isForbidden())
        .andExpect(content().string(containsString("data-testid=\"error-code\">forbidden<")));
    mvc.perform(
            post(TOKENS)
                .param("name", "mine")
                .param("role", "ADMIN")
                .with(csrf())
                .with(fixtures.signedIn("max@acme.test")))
        .andExpect(status().isForbidden());
    mvc.perform(get(TOKENS + "/" + id + "/revoke").with(fixtures.signedIn("max@acme.test")))
        .andExpect(status().isForbidden());
    mvc.perform(
            post(TOKENS + "/" + id + "/revoke")
                .with(csrf())
                .with(fixtures.signedIn("max@acme.test")))
        .andExpect(status().isForbidden());

    assertThat(tokens.list(acme)).hasSize(1).allMatch(t -> !t.revoked());
  }

  @Test
  void adminOfAnotherAccountGetsNotFoundAndCannotRevoke() throws Exception {
    long id = tokens.create(acme, "CI", Role.MEMBER, Actor.SYSTEM).token().id();

    mvc.perform(get(TOKENS).with(fixtures.signedIn("gina@globex.test")))
        .andExpect(status().isNotFound());
    mvc.perform(
            post(TOKENS + "/" + id + "/revoke")
                .with(csrf())
                .with(fixtures.signedIn("gina@globex.test")))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/accounts/globex/settings/api-tokens/" + id + "/revoke")
                .with(csrf())
                .with(fixtures.signedIn("gina@globex.test")))
        .andExpect(
            flash().attribute("actionError", "That token does not exist or is revoked already."));

    assertThat(tokens.list(acme)).allMatch(t -> !t.revoked());
  }

  @Test
  void anonymousThenRedirectedToLogin() throws Exception {
    mvc.perform(get(TOKENS)).andExpect(redirectedUrl("/login"));
  }

  @Test
  void revokeAfterConfirmationThenTokenStopsWorkingAndIsAudited() throws Exception {
    CreatedApiToken created = tokens.create(acme, "CI deploy", Role.MEMBER, Actor.SYSTEM);
    long id = created.token().id();

    mvc.perform(get(TOKENS + "/" + id + "/revoke").with(fixtures.signedIn("ada@acme.test")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-testid=\"confirm-revoke-token\"")))
        .andExpect(content().string(containsString("CI deploy")));
    mvc.perform(
            post(TOKENS + "/" + id + "/revoke")
                .with(csrf())
                .with(fixtures.signedIn("ada@acme.test")))
        .andExpect(redirectedUrl(TOKENS))
        .andExpect(
            flash().attribute("flash", "The token \"CI deploy\" was revoked: it no longer works."));

    assertThat(tokens.authenticate(created.secret())).isEmpty();
    assertThat(tokens.find(acme, id).orElseThrow().revoked()).isTrue();
    AuditEvent event = audit.newestFirst(acme, 1).get(0);
    assertThat(event.action()).isEqualTo("token.revoked");
    assertThat(event.details()).isEqualTo("revoked API token CI deploy");
    mvc.perform(get(TOKENS).with(fixtures.signedIn("ada@acme.test")))
        .andExpect(content().string(containsString("Revoked")))
        .andExpect(content().string(not(containsString("data-testid=\"token-revoke\""))));
  }

  @Test
  void revokeWithoutCsrfTokenThenForbiddenAndTokenStillWorks() throws Exception {
    CreatedApiToken created = tokens.create(acme, "CI", Role.MEMBER, Actor.SYSTEM);

    mvc.perform(
            post(TOKENS + "/" + created.token().id() + "/revoke")
                .with(fixtures.signedIn("ada@acme.test")))
        .andExpect(status().isForbidden());
    assertThat(tokens.authenticate(created.secret())).isPresent();
  }

  private String storedText() {
    return String.join(
        "|",
        jdbc.sql("SELECT token_hash || ',' || prefix || ',' || name FROM api_tokens")
            .query(String.class)
            .list());
  }
}
