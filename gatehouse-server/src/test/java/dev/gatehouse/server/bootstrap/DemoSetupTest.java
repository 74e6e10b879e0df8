package dev.gatehouse.server.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.gatehouse.server.account.AccountService;
import dev.gatehouse.server.account.Role;
import dev.gatehouse.server.user.UserService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = "gatehouse.demo=true")
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class DemoSetupTest {

  private static final Pattern PASSWORDS =
      Pattern.compile(
          "admin@demo\\.gatehouse\\.test\\s+password: (\\S+)\\s+"
              + "Member\\s+email:\\s+member@demo\\.gatehouse\\.test.*?password: (\\S+)",
          Pattern.DOTALL);

  @Autowired DemoSetup demo;
  @Autowired AccountService accounts;
  @Autowired UserService users;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  @Test
  void demoAccountHasNameAdminMemberAndFourHundredDaysOfData() {
    var account = accounts.findBySlug("demo").orElseThrow();
    var admin = users.findByEmail("admin@demo.gatehouse.test").orElseThrow();
    var member = users.findByEmail("member@demo.gatehouse.test").orElseThrow();

    assertThat(account.name()).isEqualTo("Demo Inc.");
    assertThat(accounts.roleOf(account.id(), admin.id())).contains(Role.ADMIN);
    assertThat(accounts.roleOf(account.id(), member.id())).contains(Role.MEMBER);
    assertThat(metricDays(account.id())).isEqualTo(400);
  }

  @Test
  void printedPasswordsSignInAndARestartReplacesThem(CapturedOutput output) throws Exception {
    demo.run(new DefaultApplicationArguments());
    // The output may hold the banner of the context's own start too: the last one is current.
    Matcher banner = PASSWORDS.matcher(output.getOut());
    String adminPassword = null;
    String memberPassword = null;
    while (banner.find()) {
      adminPassword = banner.group(1);
      memberPassword = banner.group(2);
    }
    assertThat(adminPassword).as("banner in %s", output.getOut()).isNotNull();
    assertThat(output.getOut()).contains("Gatehouse demo is ready: http://localhost:");
    assertThat(signIn("admin@demo.gatehouse.test", adminPassword)).isEqualTo("/");
    assertThat(signIn("member@demo.gatehouse.test", memberPassword)).isEqualTo("/");

    long daysBefore = metricDays(accounts.findBySlug("demo").orElseThrow().id());
    demo.run(new DefaultApplicationArguments());

    assertThat(signIn("admin@demo.gatehouse.test", adminPassword)).isEqualTo("/login?error");
    assertThat(metricDays(accounts.findBySlug("demo").orElseThrow().id())).isEqualTo(daysBefore);
    assertThat(accounts.findBySlug("demo")).isPresent();
  }

  private String signIn(String email, String password) throws Exception {
    return mvc.perform(
            post("/login").param("email", email).param("password", password).with(csrf()))
        .andReturn()
        .getResponse()
        .getRedirectedUrl();
  }

  private long metricDays(long accountId) {
    return jdbc.sql("SELECT COUNT(*) FROM dashboard_metrics WHERE account_id = ?")
        .param(accountId)
        .query(Long.class)
        .single();
  }
}
