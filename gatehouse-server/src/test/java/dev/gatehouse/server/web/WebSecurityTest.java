package dev.gatehouse.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gatehouse.server.account.AccountAccess;
import dev.gatehouse.server.account.Role;
import dev.gatehouse.server.testsupport.Fixtures;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockCookie;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Browser-facing protections: security headers, session cookie and fixation, CSRF, and error
 * responses that never show exception details.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({Fixtures.class, WebSecurityTest.Failing.class})
class WebSecurityTest {

  private static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

  /** Words that would betray an exception or stack trace in a response body. */
  private static final List<String> LEAKS =
      List.of(
          "Exception",
          "exception",
          "at dev.gatehouse",
          "at org.springframework",
          "java.lang",
          "Caused by",
          "stack",
          "trace",
          "internal detail 4711");

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;

  @BeforeEach
  void users() {
    fixtures.member("acme", "ada@acme.test", Role.ADMIN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/login", "/accounts/acme/dashboard", "/", "/accounts/nosuch/dashboard"})
  void everyPageHasTheSecurityHeaders(String path) throws Exception {
    mvc.perform(get(path).with(fixtures.signedIn("ada@acme.test")))
        .andExpect(header().string("Content-Security-Policy", CSP))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().string("Referrer-Policy", "same-origin"))
        .andExpect(header().string("X-Frame-Options", "DENY"));
  }

  @Test
  void apiResponsesHaveTheSecurityHeadersToo() throws Exception {
    mvc.perform(get("/api/v1/whoami"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("Content-Security-Policy", CSP))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"));
  }

  @Test
  void pagesHaveNoInlineScript() throws Exception {
    for (String path :
        List.of("/login", "/accounts/acme/dashboard", "/accounts/acme/settings/members")) {
      String html =
          mvc.perform(get(path).with(fixtures.signedIn("ada@acme.test")))
              .andReturn()
              .getResponse()
              .getContentAsString();
      var document = Jsoup.parse(html);
      assertThat(document.select("script:not([src])")).as(path).isEmpty();
      assertThat(document.select("[onclick], [onload], [onsubmit], [onchange]")).as(path).isEmpty();
      assertThat(document.select("[style]")).as(path).isEmpty();
    }
  }

  @Test
  void signInChangesTheSessionIdAndTheCookieIsHttpOnlySameSiteLax() throws Exception {
    MvcResult loginPage = mvc.perform(get("/login")).andReturn();
    MockCookie before = (MockCookie) loginPage.getResponse().getCookie("GATEHOUSE_SESSION");
    assertThat(before).isNotNull();
    String csrfToken =
        Jsoup.parse(loginPage.getResponse().getContentAsString())
            .selectFirst("input[name=_csrf]")
            .attr("value");

    MvcResult signedIn =
        mvc.perform(
                post("/login")
                    .cookie(before)
                    .param("email", "ada@acme.test")
                    .param("password", Fixtures.PASSWORD)
                    .param("_csrf", csrfToken))
            .andExpect(redirectedUrl("/"))
            .andReturn();

    MockCookie after = (MockCookie) signedIn.getResponse().getCookie("GATEHOUSE_SESSION");
    assertThat(after).isNotNull();
    assertThat(after.getValue()).isNotEqualTo(before.getValue());
    assertThat(after.isHttpOnly()).isTrue();
    assertThat(after.getSameSite()).isEqualTo("Lax");
    mvc.perform(get("/accounts/acme/dashboard").cookie(before)).andExpect(redirectedUrl("/login"));
    mvc.perform(get("/accounts/acme/dashboard").cookie(after)).andExpect(status().isOk());
  }

  @Test
  void signInWithoutCsrfTokenThenForbidden() throws Exception {
    mvc.perform(post("/login").param("email", "ada@acme.test").param("password", Fixtures.PASSWORD))
        .andExpect(status().isForbidden());
  }

  @Test
  void signOutWithoutCsrfTokenThenForbidden() throws Exception {
    mvc.perform(post("/logout").with(fixtures.signedIn("ada@acme.test")))
        .andExpect(status().isForbidden());
  }

  @Test
  void signOutWithCsrfTokenThenBackToLogin() throws Exception {
    mvc.perform(post("/logout").with(csrf()).with(fixtures.signedIn("ada@acme.test")))
        .andExpect(redirectedUrl("/login?logout"));
  }

  @Test
  void formsCarryTheCsrfToken() throws Exception {
    String html =
        mvc.perform(get("/accounts/acme/settings/members").with(fixtures.signedIn("ada@acme.test")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    var forms = Jsoup.parse(html).select("form[method=post]");
    assertThat(forms).isNotEmpty();
    forms.forEach(form -> assertThat(form.select("input[name=_csrf]")).isNotEmpty());
  }

  @Test
  void unexpectedErrorThenFriendlyPageWithoutExceptionDetails() throws Exception {
    String body =
        mvc.perform(
                get("/accounts/acme/failing")
                    .accept(MediaType.TEXT_HTML)
                    .with(fixtures.signedIn("ada@acme.test")))
            .andExpect(status().isInternalServerError())
            .andExpect(content().string(containsString("Something went wrong")))
            .andExpect(content().string(containsString("internal_error")))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(body).doesNotContain(LEAKS);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/accounts/acme/settings/members/not-a-number/remove",
        "/accounts/acme/dashboard?range=%00",
        "/no/such/page",
        "/accounts/nosuch/dashboard"
      })
  void clientErrorsThenNoExceptionDetails(String path) throws Exception {
    String body =
        mvc.perform(get(path).accept(MediaType.TEXT_HTML).with(fixtures.signedIn("ada@acme.test")))
            .andExpect(status().is4xxClientError())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(body).doesNotContain(LEAKS);
  }

  @Test
  void errorsForNonBrowserClientsCarryNoDetailsEither() throws Exception {
    String body =
        mvc.perform(
                get("/accounts/nosuch/dashboard")
                    .accept(MediaType.APPLICATION_JSON)
                    .with(fixtures.signedIn("ada@acme.test")))
            .andExpect(status().isNotFound())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(body).doesNotContain(LEAKS).doesNotContain("nosuch");
  }

  @Test
  void wrongMethodThenMethodNotAllowedWithoutDetails() throws Exception {
    String body =
        mvc.perform(
                post("/accounts/acme/dashboard")
                    .with(csrf())
                    .accept(MediaType.TEXT_HTML)
                    .with(fixtures.signedIn("ada@acme.test")))
            .andExpect(status().isMethodNotAllowed())
            .andExpect(content().string(not(containsString("HttpRequestMethodNotSupported"))))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(body).doesNotContain(LEAKS);
  }

  /** A page controller that fails, as a bug would. */
  @TestConfiguration
  static class Failing {

    @Bean
    FailingController failingController() {
      return new FailingController();
    }
  }

  @Controller
  static class FailingController {

    @GetMapping("/accounts/{slug}/failing")
    String fail(AccountAccess access) {
      throw new IllegalStateException("internal detail 4711 of " + access.slug());
    }
  }
}
