package dev.gatehouse.server.user;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import dev.gatehouse.server.account.Role;
import dev.gatehouse.server.testsupport.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The sign-in form under password guessing. Each test uses client IPs of its own, so the shared
 * in-memory throttle does not carry over between tests.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
class LoginThrottleWebTest {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;

  @BeforeEach
  void users() {
    fixtures.member("acme", "thea@acme.test", Role.MEMBER);
    fixtures.member("acme", "theo@acme.test", Role.MEMBER);
  }

  @Test
  void fiveWrongPasswordsThenEvenTheRightOneIsRefusedWithTheWait() throws Exception {
    for (int i = 1; i <= 4; i++) {
      mvc.perform(signIn("198.51.100.1", "thea@acme.test", "wrong password " + i))
          .andExpect(redirectedUrl("/login?error"));
    }
    mvc.perform(signIn("198.51.100.1", "thea@acme.test", "wrong password 5"))
        .andExpect(redirectedUrl("/login?throttled=15"));

    mvc.perform(signIn("198.51.100.2", "thea@acme.test", Fixtures.PASSWORD))
        .andExpect(redirectedUrl("/login?throttled=15"));
    mvc.perform(signIn("198.51.100.2", "theo@acme.test", Fixtures.PASSWORD))
        .andExpect(redirectedUrl("/"));
  }

  @Test
  void twentyFailuresFromOneIpThenThatIpIsRefusedForEveryone() throws Exception {
    for (int i = 0; i < 20; i++) {
      mvc.perform(signIn("198.51.100.50", "nobody" + i + "@acme.test", "guess"));
    }

    mvc.perform(signIn("198.51.100.50", "theo@acme.test", Fixtures.PASSWORD))
        .andExpect(redirectedUrl("/login?throttled=15"));
    mvc.perform(signIn("198.51.100.51", "theo@acme.test", Fixtures.PASSWORD))
        .andExpect(redirectedUrl("/"));
  }

  @Test
  void throttledPageStatesTheWaitInMinutes() throws Exception {
    mvc.perform(get("/login").param("throttled", "15"))
        .andExpect(
            content().string(containsString("Too many failed sign-ins. Try again in 15 minutes.")));
    mvc.perform(get("/login").param("throttled", "1"))
        .andExpect(
            content().string(containsString("Too many failed sign-ins. Try again in 1 minute.")));
  }

  @Test
  void throttledParameterThatIsNotASmallNumberThenNothingShown() throws Exception {
    mvc.perform(get("/login").param("throttled", "call 555-0100 to unlock"))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Try again in"))));
  }

  private static MockHttpServletRequestBuilder signIn(String ip, String email, String password) {
    return post("/login")
        .param("email", email)
        .param("password", password)
        .with(csrf())
        .with(
            request -> {
              request.setRemoteAddr(ip);
              return request;
            });
  }
}
