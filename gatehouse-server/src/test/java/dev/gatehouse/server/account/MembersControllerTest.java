package dev.gatehouse.server.account;

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

import dev.gatehouse.server.audit.AuditEvent;
import dev.gatehouse.server.audit.AuditLog;
import dev.gatehouse.server.testsupport.Fixtures;
import dev.gatehouse.server.user.UserService;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The members page for every kind of caller, and the at-least-one-admin rule. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
class MembersControllerTest {

  private static final String MEMBERS = "/accounts/acme/settings/members";

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired AccountService accounts;
  @Autowired UserService users;
  @Autowired AuditLog audit;

  long acme;
  long ada;
  long max;

  @BeforeEach
  void accounts() {
    fixtures.deleteAllAccountsAndUsers();
    acme = fixtures.account("acme").id();
    ada = fixtures.member("acme", "ada@acme.test", Role.ADMIN).id();
    max = fixtures.member("acme", "max@acme.test", Role.MEMBER).id();
    fixtures.member("globex", "gina@globex.test", Role.ADMIN);
  }

  @Test
  void adminSeesMembersWithRolesAndTheForms() throws Exception {
    mvc.perform(get(MEMBERS).with(fixtures.signedIn("ada@acme.test")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("ada@acme.test")))
        .andExpect(content().string(containsString("max@acme.test")))
        .andExpect(content().string(containsString("data-testid=\"member-add-submit\"")))
        .andExpect(content().string(containsString("data-testid=\"member-remove\"")))
        .andExpect(content().string(not(containsString("gina@globex.test"))));
  }

  @Test
  void memberSeesTheListReadOnly() throws Exception {
    mvc.perform(get(MEMBERS).with(fixtures.signedIn("max@acme.test")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("ada@acme.test")))
        .andExpect(content().string(containsString("data-testid=\"read-only-notice\"")))
        .andExpect(content().string(not(containsString("member-add-submit"))))
        .andExpect(content().string(not(containsString("member-remove"))));
  }

  @Test
  void memberOfAnotherAccountThenNotFound() throws Exception {
    mvc.perform(get(MEMBERS).with(fixtures.signedIn("gina@globex.test")))
        .andExpect(status().isNotFound());
    mvc.perform(
            post(MEMBERS)
                .param("email", "eve@evil.test")
                .param("password", "long enough password")
                .param("role", "ADMIN")
                .with(csrf())
                .with(fixtures.signedIn("gina@globex.test")))
        .andExpect(status().isNotFound());
    assertThat(users.findByEmail("eve@evil.test")).isEmpty();
  }

  @Test
  void anonymousThenRedirectedToLogin() throws Exception {
    mvc.perform(get(MEMBERS)).andExpect(redirectedUrl("/login"));
  }

  @Test
  void memberCannotAddChangeOrRemove() throws Exception {
    mvc.perform(
            post(MEMBERS)
                .param("email", "new@acme.test")
                .param("password", "long enough password")
                .param("role", "MEMBER")
                .with(csrf())
                .with(fixtures.signedIn("max@acme.test")))
        .andExpect(status().isForbidden())
        .andExpect(content().string(containsString("forbidden")));
    mvc.perform(
            post(MEMBERS + "/" + max + "/role")
                .param("role", "ADMIN")
                .with(csrf())
                .with(fixtures.signedIn("max@acme.test")))
        .andExpect(status().isForbidden());
    mvc.perform(
            post(MEMBERS + "/" + ada + "/remove")
                .with(csrf())
                .with(fixtures.signedIn("max@acme.test")))
        .andExpect(status().isForbidden());

    assertThat(users.findByEmail("new@acme.test")).isEmpty();
    assertThat(accounts.roleOf(acme, max)).contains(Role.MEMBER);
    assertThat(accounts.roleOf(acme, ada)).contains(Role.ADMIN);
  }

  @Test
  void adminAddsNewUserWhoCanThenSignIn() throws Exception {
    mvc.perform(
            post(MEMBERS)
                .param("email", " New@Acme.test ")
                .param("password", "initial password 1")
                .param("role", "MEMBER")
                .with(csrf())
                .with(fixtures.signedIn("ada@acme.test")))
        .andExpect(redirectedUrl(MEMBERS))
        .andExpect(
            flash()
                .attribute(
                    "flash",
                    "new@acme.test was added as a member. Share the initial password with them."));

    long user = users.findByEmail("new@acme.test").orElseThrow().id();
    assertThat(accounts.roleOf(acme, user)).contains(Role.MEMBER);
    mvc.perform(
            post("/login")
                .param("email", "new@acme.test")
                .param("password", "initial password 1")
                .with(csrf()))
        .andExpect(redirectedUrl("/"));
    AuditEvent event = audit.newestFirst(acme, 1).get(0);
    assertThat(event.action()).isEqualTo("member.added");
    assertThat(event.actor()).isEqualTo("ada@acme.test");
    assertThat(event.actorIp()).isEqualTo("127.0.0.1");
    assertThat(event.details()).isEqualTo("new@acme.test as MEMBER");
  }

  @Test
  void adminAddsExistingUserThenTheirPasswordIsUnchanged() throws Exception {
    mvc.perform(
            post(MEMBERS)
                .param("email", "gina@globex.test")
                .param("password", "attacker chosen password")
                .param("role", "ADMIN")
                .with(csrf())
                .with(fixtures.signedIn("ada@acme.test")))
        .andExpect(redirectedUrl(MEMBERS));

    mvc.perform(
            post("/login")
                .param("email", "gina@globex.test")
                .param("password", "attacker chosen password")
                .with(csrf()))
        .andExpect(redirectedUrl("/login?error"));
    mvc.perform(
            post("/login")
                .param("email", "gina@globex.test")
                .param("password", Fixtures.PASSWORD)
                .with(csrf()))
        .andExpect(redirectedUrl("/"));
  }

  @Test
  void addWithShortPasswordThenErrorAndNothingAdded() throws Exception {
    mvc.perform(
            post(MEMBERS)
                .param("email", "new@acme.test")
                .param("password", "short")
                .param("role", "MEMBER")
                .with(csrf())
                .with(fixtures.signedIn("ada@acme.test")))
        .andExpect(status().isBadRequest())
        .andExpect(
            content().string(containsString("The password must be at least 10 characters long.")))
        .andExpect(content().string(containsString("value=\"new@acme.test\"")));

    assertThat(users.findByEmail("new@acme.test")).isEmpty();
  }

  @Test
  void addWithBadEmailOrRoleThenSpecificError() throws Exception {
    mvc.perform(
            post(MEMBERS)
                .param("email", "not an email")
                .param("password", "long enough password")
                .param("role", "MEMBER")
                .with(csrf())
                .with(fixtures.signedIn("ada@acme.test")))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Enter a valid email address")));
    mvc.perform(
            post(MEMBERS)
                .param("email", "new@acme.test")
                .param("password", "long enough password")
                .param("role", "OWNER")
                .with(csrf())
                .with(fixtures.signedIn("ada@acme.test")))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Choose a role")));
  }

  @Test
  void addExistingMemberThenError() throws Exception {
    mvc.perform(
            post(MEMBERS)
                .param("email", "MAX@acme.test")
                .param("password", "")
                .param("role", "ADMIN")
                .with(csrf())
                .with(fixtures.signedIn("ada@acme.test")))
        .andExpect(status().isBadRequest())
        .andExpect(
            content().string(containsString("max@acme.test is already a member of this account.")));
    assertThat(accounts.roleOf(acme, max)).contains(Role.MEMBER);
  }

  @Test
  void demotingTheOnlyAdminThenRefusedWithReason() throws Exception {
    mvc.perform(
            post(MEMBERS + "/" + ada + "/role")
                .param("role", "MEMBER")
                .with(csrf())
                .with(fixtures.signedIn("ada@acme.test")))
        .andExpect(redirectedUrl(MEMBERS))
        .andExpect(
            flash()
                .attribute(
                    "actionError",
                    "ada@acme.test is the only admin. Make another member an admin first: an"
                        + " account always keeps at least one admin."));

    assertThat(accounts.roleOf(acme, ada)).contains(Role.ADMIN);
  }

  @Test
  void promoteThenDemoteThePreviousAdminAndBothAreAudited() throws Exception {
    mvc.perform(
            post(MEMBERS + "/" + max + "/role")
                .param("role", "ADMIN")
                .with(csrf())
                .with(fixtures.signedIn("ada@acme.test")))
        .andExpect(flash().attribute("flash", "max@acme.test is now an admin."));
    mvc.perform(
            post(MEMBERS + "/" + ada + "/role")
                .param("role", "MEMBER")
                .with(csrf())
                .with(fixtures.signedIn("max@acme.test")))
        .andExpect(flash().attribute("flash", "ada@acme.test is now a member."));

    assertThat(accounts.roleOf(acme, max)).contains(Role.ADMIN);
    assertThat(accounts.roleOf(acme, ada)).contains(Role.MEMBER);
    List<AuditEvent> events = audit.newestFirst(acme, 2);
    assertThat(events).extracting(AuditEvent::action).containsOnly("member.role_changed");
    assertThat(events)
        .extracting(AuditEvent::details)
        .containsExactly("ada@acme.test: ADMIN -> MEMBER", "max@acme.test: MEMBER -> ADMIN");
  }

  @Test
  void removeConfirmationPageThenRemoveAndAudit() throws Exception {
    mvc.perform(get(MEMBERS + "/" + max + "/remove").with(fixtures.signedIn("ada@acme.test")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-testid=\"confirm-remove-member\"")))
        .andExpect(content().string(containsString("max@acme.test")));

    mvc.perform(
            post(MEMBERS + "/" + max + "/remove")
                .with(csrf())
                .with(fixtures.signedIn("ada@acme.test")))
        .andExpect(redirectedUrl(MEMBERS))
        .andExpect(flash().attribute("flash", "max@acme.test was removed from Acme."));

    assertThat(accounts.roleOf(acme, max)).isEmpty();
    AuditEvent event = audit.newestFirst(acme, 1).get(0);
    assertThat(event.action()).isEqualTo("member.removed");
    assertThat(event.details()).isEqualTo("max@acme.test");
    mvc.perform(get("/accounts/acme/dashboard").with(fixtures.signedIn("max@acme.test")))
        .andExpect(status().isNotFound());
  }

  @Test
  void removingTheOnlyAdminThenRefused() throws Exception {
    mvc.perform(
            post(MEMBERS + "/" + ada + "/remove")
                .with(csrf())
                .with(fixtures.signedIn("ada@acme.test")))
        .andExpect(redirectedUrl(MEMBERS))
        .andExpect(
            flash()
                .attribute(
                    "actionError",
                    "ada@acme.test is the only admin and cannot be removed. Make another member an"
                        + " admin first."));
    assertThat(accounts.roleOf(acme, ada)).contains(Role.ADMIN);
  }

  @Test
  void userOfAnotherAccountCannotBeTargetedThroughThisOne() throws Exception {
    long gina = users.findByEmail("gina@globex.test").orElseThrow().id();

    mvc.perform(
            post(MEMBERS + "/" + gina + "/remove")
                .with(csrf())
                .with(fixtures.signedIn("ada@acme.test")))
        .andExpect(flash().attribute("actionError", "That user is not a member of this account."));
    assertThat(accounts.roleOf(fixtures.account("globex").id(), gina)).contains(Role.ADMIN);
  }

  @Test
  void postWithoutCsrfTokenThenForbiddenAndNothingChanges() throws Exception {
    mvc.perform(post(MEMBERS + "/" + max + "/remove").with(fixtures.signedIn("ada@acme.test")))
        .andExpect(status().isForbidden());
    assertThat(accounts.roleOf(acme, max)).contains(Role.MEMBER);
  }
}
