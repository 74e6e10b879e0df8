package dev.gatehouse.server.bootstrap;

import dev.gatehouse.server.account.Account;
import dev.gatehouse.server.account.AccountService;
import dev.gatehouse.server.account.Role;
import dev.gatehouse.server.dashboard.DashboardService;
import dev.gatehouse.server.user.UserAccount;
import dev.gatehouse.server.user.UserService;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code --demo}: the account {@code demo} ("Demo Inc.") with 400 days of dashboard data up to
 * today, an admin and a member. Idempotent: an existing account, users and days are kept; missing
 * days are added. Both passwords are generated anew at every {@code --demo} start and printed with
 * the URL, so no password is ever stored in a file or reused across starts.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = DemoMode.PROPERTY, havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoSetup implements ApplicationRunner {

  static final String SLUG = "demo";
  static final String NAME = "Demo Inc.";
  static final String ADMIN_EMAIL = "admin@demo.gatehouse.test";
  static final String MEMBER_EMAIL = "member@demo.gatehouse.test";
  static final int DAYS_OF_DATA = 400;

  private static final Logger log = LoggerFactory.getLogger(DemoSetup.class);
  private static final String PASSWORD_ALPHABET =
      "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private final AccountService accounts;
  private final UserService users;
  private final DashboardService dashboard;
  private final TransactionTemplate transaction;
  private final Environment environment;
  private final SecureRandom random = new SecureRandom();

  DemoSetup(
      AccountService accounts,
      UserService users,
      DashboardService dashboard,
      TransactionTemplate transaction,
      Environment environment) {
    this.accounts = accounts;
    this.users = users;
    this.dashboard = dashboard;
    this.transaction = transaction;
    this.environment = environment;
  }

  @Override
  public void run(ApplicationArguments args) {
    String adminPassword = generatePassword();
    String memberPassword = generatePassword();
    int added =
        transaction.execute(
            status -> {
              Account account =
                  accounts.findBySlug(SLUG).orElseGet(() -> accounts.create(SLUG, NAME));
              enrol(account, ADMIN_EMAIL, adminPassword, Role.ADMIN);
              enrol(account, MEMBER_EMAIL, memberPassword, Role.MEMBER);
              return addMissingDays(account);
            });
    log.info("Demo account '{}' ready ({} days of data added)", SLUG, added);
    printBanner(adminPassword, memberPassword);
  }

  private void enrol(Account account, String email, String password, Role role) {
    UserAccount user =
        users
            .findByEmail(email)
            .map(
                existing -> {
                  users.changePassword(existing.id(), password);
                  return existing;
                })
            .orElseGet(() -> users.create(email, password));
    accounts.addMembershipIfAbsent(account.id(), user.id(), role);
  }

  private int addMissingDays(Account account) {
    LocalDate today = dashboard.today();
    int added = 0;
    for (LocalDate day = today.minusDays(DAYS_OF_DATA - 1L);
        !day.isAfter(today);
        day = day.plusDays(1)) {
      if (dashboard.recordIfAbsent(account.id(), DemoData.forDay(day))) {
        added++;
      }
    }
    return added;
  }

  private String generatePassword() {
    var password = new StringBuilder();
    for (int group = 0; group < 3; group++) {
      if (group > 0) {
        password.append('-');
      }
      for (int i = 0; i < 5; i++) {
        password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
      }
    }
    return password.toString();
  }

  private void printBanner(String adminPassword, String memberPassword) {
    String port =
        environment.getProperty(
            "local.server.port", environment.getProperty("server.port", "8080"));
    String contextPath = environment.getProperty("server.servlet.context-path", "");
    String url = "http://localhost:" + port + contextPath + "/";
    String rule = "=".repeat(72);
    // Printed, not logged: the banner must stay readable whatever the log format.
    PrintStream out = System.out;
    out.println();
    out.println(rule);
    out.println("  Gatehouse demo is ready: " + url);
    out.println();
    out.println("  Admin   email:    " + ADMIN_EMAIL);
    out.println("          password: " + adminPassword);
    out.println("  Member  email:    " + MEMBER_EMAIL + "   (read-only view)");
    out.println("          password: " + memberPassword);
    out.println();
    out.println("  The passwords are new at every --demo start; earlier ones stop working.");
    out.println(rule);
    out.println();
    out.flush();
  }
}
