package dev.gatehouse.server.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gatehouse.core.IpAddress;
import dev.gatehouse.server.account.AccountAccess;
import dev.gatehouse.server.account.AccountService;
import dev.gatehouse.server.account.Actor;
import dev.gatehouse.server.account.Role;
import dev.gatehouse.server.allowlist.AllowlistService;
import dev.gatehouse.server.testsupport.Fixtures;
import dev.gatehouse.server.user.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The dashboard, its data and export, the members and API tokens pages answer 403 to a member whose
 * client IP the account's allowlist does not cover, reads and writes alike, and work from an
 * allowed IP.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
class BlockedIpPlatformPagesTest {

  private static final String OFFICE = "192.0.2.10";
  private static final String ELSEWHERE = "198.51.100.99";

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired AllowlistService allowlist;
  @Autowired AccountService accounts;
  @Autowired UserService users;

  @BeforeEach
  void restrictedAccount() {
    fixtures.deleteAllAccountsAndUsers();
    var account = fixtures.account("acme");
    var ada = fixtures.member("acme", "ada@acme.test", Role.ADMIN);
    fixtures.member("acme", "max@acme.test", Role.MEMBER);
    var admin =
        new AccountAccess(
            account.id(), "acme", "Acme", Role.ADMIN, Actor.user(ada.id(), "ada@acme.test"));
    IpAddress office = IpAddress.parse(OFFICE);
    allowlist.add(admin, office, OFFICE, "Office", null);
    allowlist.setEnabled(admin, office, true);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/accounts/acme/dashboard",
        "/accounts/acme/dashboard/data?range=7",
        "/accounts/acme/dashboard/export.csv",
        "/accounts/acme/settings/members",
        "/accounts/acme/settings/api-tokens"
      })
  void adminFromElsewhereThenForbiddenAndFromTheOfficeThenAllowed(String path) throws Exception {
    mvc.perform(from(ELSEWHERE, get(path)).with(fixtures.signedIn("ada@acme.test")))
        .andExpect(status().isForbidden());
    mvc.perform(from(OFFICE, get(path)).with(fixtures.signedIn("ada@acme.test")))
        .andExpect(status().isOk());
  }

  @ParameterizedTest
  @ValueSource(strings = {"max@acme.test"})
  void memberFromElsewhereThenForbiddenOnTheDashboard(String email) throws Exception {
    mvc.perform(from(ELSEWHERE, get("/accounts/acme/dashboard")).with(fixtures.signedIn(email)))
        .andExpect(status().isForbidden());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/accounts/acme/settings/members", "/accounts/acme/settings/api-tokens"})
  void changesFromElsewhereThenForbiddenAndNothingHappens(String path) throws Exception {
    mvc.perform(
            from(
                    ELSEWHERE,
                    post(path)
                        .param("email", "eve@acme.test")
                        .param("password", "long enough password")
                        .param("name", "stolen")
                        .param("role", "ADMIN"))
                .with(csrf())
                .with(fixtures.signedIn("ada@acme.test")))
        .andExpect(status().isForbidden());
    org.assertj.core.api.Assertions.assertThat(users.findByEmail("eve@acme.test")).isEmpty();
  }

  private static MockHttpServletRequestBuilder from(
      String ip, MockHttpServletRequestBuilder request) {
    return request.with(
        r -> {
          r.setRemoteAddr(ip);
          return r;
        });
  }
}
