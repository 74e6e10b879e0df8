package dev.gatehouse.server;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code gatehouse.*} configuration keys of the specification (section 6), validated at
 * start-up: a bad value stops the server with a message naming the key.
 *
 * @param trustedProxies addresses or CIDR blocks of reverse proxies whose forwarding headers are
 *     honoured ({@code gatehouse.trusted-proxies}, default empty: the TCP peer is the client)
 * @param bootstrap first account, admin and API token to create at start-up ({@code
 *     gatehouse.bootstrap.*})
 */
@Validated
@ConfigurationProperties("gatehouse")
public record GatehouseProperties(
    @DefaultValue List<String> trustedProxies, @DefaultValue @Valid Bootstrap bootstrap) {

  public GatehouseProperties {
    trustedProxies = List.copyOf(trustedProxies);
    for (String proxy : trustedProxies) {
      if (proxy.isBlank()) {
        throw new IllegalArgumentException(
            "gatehouse.trusted-proxies must not contain empty entries");
      }
    }
  }

  /**
   * Start-up bootstrap: when {@code account} is set, that account, its admin and (optionally) an
   * {@code ADMIN} API token whose secret is exactly {@code apiToken} are created if they do not
   * exist yet. Idempotent.
   *
   * @param account slug of the account to create
   * @param adminEmail email of its first admin
   * @param adminPassword password of its first admin (used only when the user is created)
   * @param apiToken secret of an ADMIN API token: 32 or more printable ASCII characters
   */
  public record Bootstrap(
      @Nullable String account,
      @Nullable String adminEmail,
      @Nullable String adminPassword,
      @Nullable String apiToken) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7e]{32,}");

    public Bootstrap {
      account = blankToNull(account);
      adminEmail = blankToNull(adminEmail);
      adminPassword = blankToNull(adminPassword);
      apiToken = blankToNull(apiToken);
      if (account == null) {
        if (adminEmail != null || adminPassword != null || apiToken != null) {
          throw new IllegalArgumentException(
              "gatehouse.bootstrap.account is required when other gatehouse.bootstrap keys are set");
        }
      } else {
        checkAccount(account, adminEmail, adminPassword, apiToken);
        if (adminEmail != null) {
          adminEmail = adminEmail.strip().toLowerCase(Locale.ROOT);
        }
      }
    }

    private static void checkAccount(
        String account,
        @Nullable String adminEmail,
        @Nullable String adminPassword,
        @Nullable String apiToken) {
      if (!SLUG.matcher(account).matches()) {
        throw new IllegalArgumentException(
            "gatehouse.bootstrap.account must be a slug of lower-case letters, digits and"
                + " inner hyphens (at most 63 characters), got '"
                + account
                + "'");
      }
      if ((adminEmail == null) != (adminPassword == null)) {
        throw new IllegalArgumentException(
            "gatehouse.bootstrap.admin-email and gatehouse.bootstrap.admin-password must be set"
                + " together");
      }
      if (adminEmail != null && !adminEmail.strip().matches("[^@\\s]+@[^@\\s]+")) {
        throw new IllegalArgumentException(
            "gatehouse.bootstrap.admin-email is not an email address");
      }
      if (apiToken != null && !PRINTABLE_ASCII.matcher(apiToken).matches()) {
        throw new IllegalArgumentException(
            "gatehouse.bootstrap.api-token must be 32 or more printable ASCII characters");
      }
    }

    /** Whether any bootstrap was requested. */
    public boolean requested() {
      return account != null;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
      return value == null || value.isBlank() ? null : value;
    }
  }
}
