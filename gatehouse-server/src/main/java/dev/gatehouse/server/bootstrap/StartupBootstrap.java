package dev.gatehouse.server.bootstrap;

import dev.gatehouse.server.GatehouseProperties;
import dev.gatehouse.server.account.Account;
import dev.gatehouse.server.account.AccountService;
import dev.gatehouse.server.account.Actor;
import dev.gatehouse.server.account.Role;
import dev.gatehouse.server.token.ApiTokenService;
import dev.gatehouse.server.user.UserAccount;
import dev.gatehouse.server.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates what the {@code gatehouse.bootstrap.*} keys describe, if it does not exist yet: the
 * account, its first admin, an {@code ADMIN} API token with exactly the given secret. Restarting
 * with the same keys changes nothing (an existing admin's password is never overwritten).
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartupBootstrap implements ApplicationRunner {

  static final String TOKEN_NAME = "bootstrap";

  private static final Logger log = LoggerFactory.getLogger(StartupBootstrap.class);

  private final GatehouseProperties.Bootstrap settings;
  private final AccountService accounts;
  private final UserService users;
  private final ApiTokenService tokens;
  private final TransactionTemplate transaction;

  StartupBootstrap(
      GatehouseProperties properties,
      AccountService accounts,
      UserService users,
      ApiTokenService tokens,
      TransactionTemplate transaction) {
    this.settings = properties.bootstrap();
    this.accounts = accounts;
    this.users = users;
    this.tokens = tokens;
    this.transaction = transaction;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (settings.requested()) {
      transaction.executeWithoutResult(status -> bootstrap());
    }
  }

  private void bootstrap() {
    String slug = settings.account();
    Account account =
        accounts
            .findBySlug(slug)
            .orElseGet(
                () -> {
                  log.info("Bootstrap: creating account '{}'", slug);
                  return accounts.create(slug, slug);
                });
    if (settings.adminEmail() != null && settings.adminPassword() != null) {
      UserAccount admin =
          users
              .findByEmail(settings.adminEmail())
              .orElseGet(
                  () -> {
                    log.info("Bootstrap: creating user {}", settings.adminEmail());
                    return users.createConfiguredUser(
                        settings.adminEmail(), settings.adminPassword());
                  });
      if (accounts.addMembershipIfAbsent(account.id(), admin.id(), Role.ADMIN)) {
        log.info("Bootstrap: {} is now an admin of '{}'", admin.email(), slug);
      }
    }
    if (settings.apiToken() != null
        && tokens.createWithSecretIfAbsent(
            account.id(), TOKEN_NAME, Role.ADMIN, settings.apiToken(), Actor.SYSTEM)) {
      log.info("Bootstrap: created ADMIN API token '{}' for '{}'", TOKEN_NAME, slug);
    }
  }
}
