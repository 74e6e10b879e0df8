package dev.gatehouse.server.allowlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gatehouse.server.account.Role;
import dev.gatehouse.server.testsupport.Fixtures;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The IP Whitelisting and audit log pages for every kind of caller: admin, member, member of
 * another account, anonymous, and a blocked IP. MockMvc requests come from 127.0.0.1 unless a test
 * says otherwise.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
class IpWhitelistingPageTest {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;

  String slug;
  String page;
  String admin;
  String member;
  String outsider;

  @BeforeEach
  void account() {
    int n = SEQUENCE.incrementAndGet();
    slug = "page-" + n;
    page = "/accounts/" + slug + "/settings/security/ip-whitelisting";
    admin = "ada" + n + "@acme.test";
    member = "max" + n + "@acme.test";
    outsider = "gina" + n + "@globex.test";
    fixtures.member(slug, admin, Role.ADMIN);
    fixtures.member(slug, member, Role.MEMBER);
    fixtures.member("other-" + n, outsider, Role.ADMIN);
  }

  private static RequestPostProcessor from(String ip) {
    return request -> {
      request.setRemoteAddr(ip);
      return request;
    };
  }

  private Document getPage(String email) throws Exception {
    MvcResult result =
        mvc.perform(get(page).with(fixtures.signedIn(email)))
            .andExpect(status().isOk())
            .andReturn();
    return Jsoup.parse(result.getResponse().getContentAsString());
  }

  /** Follows a redirect in the same (database-backed) session, where the flash message waits. */
  private Document followRedirect(MvcResult result, String email) throws Exception {
    MvcResult next =
        mvc.perform(
                get(result.getResponse().getRedirectedUrl())
                    .with(fixtures.signedIn(email))
                    .cookie(result.getResponse().getCookies()))
            .andExpect(status().isOk())
            .andReturn();
    return Jsoup.parse(next.getResponse().getContentAsString());
  }

  private MockHttpServletRequestBuilder postAs(String email, String path) {
    return post(page + path).with(fixtures.signedIn(email)).with(csrf());
  }

  private void addAsAdmin(String addresses) throws Exception {
    mvc.perform(postAs(admin, "/entries").param("addresses", addresses))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl(page));
  }

  private List<String> listedValues(Document document) {
    return document.select("[data-testid=ip-entry] .entry-value").eachText();
  }

  private static Element testId(Document document, String id) {
    Element element = document.selectFirst("[data-testid=" + id + "]");
    assertThat(element).as("data-testid=%s", id).isNotNull();
    return element;
  }

  @Test
  void adminPageHasEveryContractTestId() throws Exception {
    addAsAdmin("10.0.0.0/8");

    Document document = getPage(admin);

    Element toggle = testId(document, "ip-restriction-toggle");
    assertThat(toggle.attr("type")).isEqualTo("checkbox");
    assertThat(toggle.hasAttr("disabled")).isFalse();
    assertThat(toggle.closest("form")).isNotNull();
    assertThat(testId(document, "current-ip").text()).isEqualTo("127.0.0.1");
    assertThat(testId(document, "add-ip-button").text()).isEqualTo("+IP Address");
    assertThat(testId(document, "ip-input").tagName()).isEqualTo("textarea");
    testId(document, "ip-label-input");
    assertThat(testId(document, "whitelist-submit").text()).isEqualTo("Whitelist IP Address");
    Element entry = testId(document, "ip-entry");
    assertThat(entry.text()).contains("10.0.0.0/8");
    assertThat(entry.select("[data-testid=entry-checkbox]")).hasSize(1);
    assertThat(entry.select("[data-testid=delete-entry]")).hasSize(1);
    testId(document, "select-all");
    testId(document, "bulk-delete");
    assertThat(testId(document, "confirm-remove").text()).isEqualTo("Remove");
    testId(document, "confirm-toggle");
    testId(document, "blocked-attempts");
    testId(document, "add-my-ip");
    testId(document, "nav-audit-log");
  }

  @Test
  void memberSeesTheListReadOnlyWithTheToggleDisabled() throws Exception {
    addAsAdmin("10.0.0.0/8");

    Document document = getPage(member);

    assertThat(testId(document, "ip-restriction-toggle").hasAttr("disabled")).isTrue();
    assertThat(listedValues(document)).containsExactly("10.0.0.0/8");
    assertThat(document.select("form[method=post]").stream().map(f -> f.attr("action")))
        .allMatch(action -> action.endsWith("/logout") || action.endsWith("/toggle"));
    assertThat(document.select("[data-testid=ip-input]")).isEmpty();
    assertThat(document.select("[data-testid=delete-entry]")).isEmpty();
    assertThat(document.select("[data-testid=entry-checkbox]")).isEmpty();
    assertThat(document.select("[data-testid=blocked-attempts]")).isEmpty();
    assertThat(document.select("[data-testid=nav-audit-log]"))
        .as("audit log is for admins")
        .isEmpty();
  }

  @Test
  void memberChangesAreForbidden() throws Exception {
    mvc.perform(postAs(member, "/entries").param("addresses", "10.0.0.1"))
        .andExpect(status().isForbidden());
    mvc.perform(postAs(member, "/toggle").param("enabled", "true"))
        .andExpect(status().isForbidden());
    mvc.perform(postAs(member, "/entries/delete").param("ids", "1").param("confirmed", "true"))
        .andExpect(status().isForbidden());
    assertThat(listedValues(getPage(admin))).isEmpty();
  }

  @Test
  void memberOfAnotherAccountGetsNotFound() throws Exception {
    mvc.perform(get(page).with(fixtures.signedIn(outsider))).andExpect(status().isNotFound());
    mvc.perform(postAs(outsider, "/entries").param("addresses", "10.0.0.1"))
        .andExpect(status().isNotFound());
  }

  @Test
  void anonymousIsSentToSignIn() throws Exception {
    mvc.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
  }

  @Test
  void blockedIpGetsThePlain403PageEvenAsAdmin() throws Exception {
    addAsAdmin("127.0.0.1");
    mvc.perform(postAs(admin, "/toggle").param("enabled", "true")).andExpect(status().isFound());

    MvcResult result =
        mvc.perform(get(page).with(fixtures.signedIn(admin)).with(from("203.0.113.7")))
            .andExpect(status().isForbidden())
            .andReturn();

    assertThat(Jsoup.parse(result.getResponse().getContentAsString()).text())
        .contains("Your IP address 203.0.113.7 is not allowed to access");
    mvc.perform(postAs(admin, "/toggle").param("enabled", "false").with(from("203.0.113.7")))
        .andExpect(status().isForbidden());
    assertThat(testId(getPage(admin), "ip-restriction-toggle").hasAttr("checked")).isTrue();
  }

  @Test
  void addingValidItemsListsThemCanonicallyAndSaysWhatHappened() throws Exception {
    addAsAdmin("10.0.0.1");
    MvcResult result =
        mvc.perform(
                postAs(admin, "/entries")
                    .param("addresses", "10.0.0.1, 2001:DB8::1\n192.168.0.0/16")
                    .param("label", "Office"))
            .andExpect(status().isFound())
            .andReturn();

    Document document = followRedirect(result, admin);
    assertThat(listedValues(document)).containsExactly("10.0.0.1", "2001:db8::1", "192.168.0.0/16");
    assertThat(testId(document, "notice").text())
        .isEqualTo("Whitelisted 2 entries. Already on the list: 10.0.0.1.");
  }

  @Test
  void addingAnInvalidItemAddsNothingQuotesEachBadItemAndKeepsTheInput() throws Exception {
    String typed = "10.0.0.1, 010.0.0.1, 10.1.2.3/8";
    MvcResult result =
        mvc.perform(postAs(admin, "/entries").param("addresses", typed).param("label", "VPN"))
            .andExpect(status().isBadRequest())
            .andReturn();

    Document document = Jsoup.parse(result.getResponse().getContentAsString());
    List<String> lines = document.select("[data-testid=form-error] .form-error-line").eachText();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("\"010.0.0.1\": ");
    assertThat(lines.get(1)).startsWith("\"10.1.2.3/8\": ").contains("10.0.0.0/8");
    assertThat(testId(document, "ip-input").text()).isEqualTo(typed);
    assertThat(testId(document, "ip-label-input").val()).isEqualTo("VPN");
    assertThat(document.selectFirst("#add-ip").hasAttr("hidden")).isFalse();
    assertThat(listedValues(document)).isEmpty();
  }

  @Test
  void twentyItemsAreAddedAndTwentyOneRefused() throws Exception {
    String twenty =
        IntStream.rangeClosed(1, 20).mapToObj(i -> "192.0.2." + i).collect(Collectors.joining(","));
    addAsAdmin(twenty);
    assertThat(listedValues(getPage(admin))).hasSize(20);

    String twentyOne =
        IntStream.rangeClosed(1, 21)
            .mapToObj(i -> "198.51.100." + i)
            .collect(Collectors.joining("\n"));
    MvcResult result =
        mvc.perform(postAs(admin, "/entries").param("addresses", twentyOne))
            .andExpect(status().isBadRequest())
            .andReturn();

    Document document = Jsoup.parse(result.getResponse().getContentAsString());
    assertThat(testId(document, "form-error").text())
        .isEqualTo("You can add up to 20 IP addresses at once; this has 21.");
    assertThat(listedValues(document)).hasSize(20);
  }

  @Test
  void turningOnWithoutTheOwnIpListedIsRefusedNamingTheIp() throws Exception {
    addAsAdmin("10.0.0.0/8");

    MvcResult result =
        mvc.perform(postAs(admin, "/toggle").param("enabled", "true"))
            .andExpect(status().isFound())
            .andReturn();

    Document document = followRedirect(result, admin);
    assertThat(testId(document, "form-error").text())
        .isEqualTo(
            "Turning on IP whitelisting would block your own IP address 127.0.0.1. Whitelist"
                + " 127.0.0.1 first.");
    assertThat(testId(document, "ip-restriction-toggle").hasAttr("checked")).isFalse();
  }

  @Test
  void removingWithoutJavaScriptAsksOnAPageThenRemoves() throws Exception {
    addAsAdmin("10.0.0.1, 10.0.0.2");
    Document list = getPage(admin);
    String id = list.select("[data-testid=ip-entry]").get(0).attr("data-entry-id");

    MvcResult question =
        mvc.perform(postAs(admin, "/entries/delete").param("ids", id))
            .andExpect(status().isOk())
            .andReturn();
    Document confirm = Jsoup.parse(question.getResponse().getContentAsString());
    Element remove = testId(confirm, "confirm-remove");
    assertThat(remove.text()).isEqualTo("Remove");
    assertThat(confirm.text()).contains("10.0.0.1");
    assertThat(listedValues(getPage(admin))).containsExactly("10.0.0.1", "10.0.0.2");

    mvc.perform(postAs(admin, "/entries/delete").param("ids", id).param("confirmed", "true"))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl(page));

    assertThat(listedValues(getPage(admin))).containsExactly("10.0.0.2");
  }

  @Test
  void checkboxesAndBothDeleteButtonsShareOneFormAndARowButtonRemovesOnlyItsRow() throws Exception {
    addAsAdmin("10.0.0.1, 10.0.0.2, 10.0.0.3");
    Document list = getPage(admin);
    Element form = list.selectFirst("form#entries-form");
    assertThat(form.select("[data-testid=entry-checkbox]")).hasSize(3);
    assertThat(form.select("[data-testid=delete-entry]")).hasSize(3);
    assertThat(form.select("[data-testid=bulk-delete]")).hasSize(1);
    List<String> ids = list.select("[data-testid=ip-entry]").eachAttr("data-entry-id");

    mvc.perform(
            postAs(admin, "/entries/delete")
                .param("ids", ids.get(0), ids.get(1))
                .param("only", ids.get(2))
                .param("confirmed", "true"))
        .andExpect(status().isFound());

    assertThat(listedValues(getPage(admin))).containsExactly("10.0.0.1", "10.0.0.2");
  }

  @Test
  void removingEverySelectedEntryWhileOnIsRefusedAsLockout() throws Exception {
    addAsAdmin("127.0.0.1, 10.0.0.2");
    mvc.perform(postAs(admin, "/toggle").param("enabled", "true")).andExpect(status().isFound());
    List<String> ids = getPage(admin).select("[data-testid=ip-entry]").eachAttr("data-entry-id");

    MvcResult result =
        mvc.perform(
                postAs(admin, "/entries/delete")
                    .param("ids", ids.toArray(String[]::new))
                    .param("confirmed", "true"))
            .andExpect(status().isFound())
            .andReturn();

    assertThat(result.getFlashMap().get("errors"))
        .isEqualTo(
            List.of(
                "Removing these entries would block your own IP address 127.0.0.1. Whitelist"
                    + " 127.0.0.1 first."));
    assertThat(listedValues(getPage(admin))).containsExactly("127.0.0.1", "10.0.0.2");
  }

  @Test
  void auditLogShowsChangesNewestFirstToAdminsOnly() throws Exception {
    addAsAdmin("10.0.0.1");
    addAsAdmin("10.0.0.2");
    String auditPage = "/accounts/" + slug + "/settings/security/audit-log";

    MvcResult result =
        mvc.perform(get(auditPage).with(fixtures.signedIn(admin)))
            .andExpect(status().isOk())
            .andReturn();

    Document document = Jsoup.parse(result.getResponse().getContentAsString());
    assertThat(document.select("[data-testid=audit-event] .details").eachText())
        .containsExactly("added 10.0.0.2", "added 10.0.0.1");
    assertThat(document.select("[data-testid=audit-event]").get(0).text())
        .contains(admin)
        .contains("127.0.0.1")
        .contains("entry.added");
    mvc.perform(get(auditPage).with(fixtures.signedIn(member))).andExpect(status().isForbidden());
    mvc.perform(get(auditPage).with(fixtures.signedIn(outsider))).andExpect(status().isNotFound());
    mvc.perform(get(auditPage)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
  }
}
