package dev.gatehouse.server.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import dev.gatehouse.server.account.AccountService;
import dev.gatehouse.server.account.Role;
import dev.gatehouse.server.token.ApiTokenService;
import dev.gatehouse.server.user.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(
    properties = {
      "gatehouse.bootstrap.account=initech",
      "gatehouse.bootstrap.admin-email=Root@Initech.test",
      "gatehouse.bootstrap.admin-password=short",
      "gatehouse.bootstrap.api-token=any-value-of-32-or-more-printable-chars!"
    })
@AutoConfigureMockMvc
class StartupBootstrapTest {

  private static final String TOKEN = "any-value-of-32-or-more-printable-chars!";

  @Autowired AccountService accounts;
  @Autowired UserService users;
  @Autowired ApiTokenService tokens;
  @Autowired StartupBootstrap bootstrap;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  @Test
  void bootstrapKeysThenAccountAdminAndTokenWithExactlyThatValueExist() {
    var account = accounts.findBySlug("initech").orElseThrow();
    var admin = users.findByEmail("root@initech.test").orElseThrow();

    assertThat(accounts.roleOf(account.id(), admin.id())).contains(Role.ADMIN);
    var token = tokens.authenticate(TOKEN).orElseThrow();
    assertThat(token.accountId()).isEqualTo(account.id());
    assertThat(token.role()).isEqualTo(Role.ADMIN);
    assertThat(token.name()).isEqualTo("bootstrap");
    assertThat(token.createdBy()).isEqualTo("system");
    assertThat(tokens.authenticate(TOKEN + "x")).isEmpty();
  }

  @Test
  void bootstrapAdminSignsInWithTheConfiguredPassword() throws Exception {
    mvc.perform(
            post("/login")
                .param("email", "root@initech.test")
                .param("password", "short")
                .with(csrf()))
        .andExpect(redirectedUrl("/"));
  }

  @Test
  void bootstrapRunAgainThenNothingChanges() throws Exception {
    String before = snapshot();

    bootstrap.run(new DefaultApplicationArguments());

    assertThat(snapshot()).isEqualTo(before);
  }

  private String snapshot() {
    return jdbc.sql("SELECT COUNT(*) FROM accounts").query(Long.class).single()
        + "/"
        + jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single()
        + "/"
        + jdbc.sql("SELECT COUNT(*) FROM memberships").query(Long.class).single()
        + "/"
        + jdbc.sql("SELECT COUNT(*) FROM api_tokens").query(Long.class).single()
        + "/"
        + jdbc.sql("SELECT password_hash FROM users").query(String.class).single();
  }
}
