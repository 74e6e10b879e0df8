package dev.gatehouse.server.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Establishes {@link AccountAccess} for every account-scoped request ({@code /accounts/{slug}/**}
 * pages, {@code /api/v1/accounts/{slug}/**} and {@code /api/v1/whoami}), then runs every {@link
 * AccountRequestGuard}. Runs inside the Spring Security chains after authorization, so the caller
 * is authenticated here.
 *
 * <p>An unknown account and an account the caller does not belong to get the same 404 response, so
 * that account existence does not leak.
 */
public final class AccountAccessFilter extends OncePerRequestFilter {

  private static final Pattern PAGE_PATH = Pattern.compile("^/accounts/([^/]+)(?:/.*)?$");
  private static final Pattern API_PATH = Pattern.compile("^/api/v1/accounts/([^/]+)(?:/.*)?$");
  private static final String WHOAMI_PATH = "/api/v1/whoami";
  private static final String API_NOT_FOUND =
      """
      {"type":"about:blank","title":"Not Found","status":404,\
      "detail":"No such account, or you are not a member of it.","code":"not_found"}""";

  private final AccountAccessResolver resolver;
  private final ObjectProvider<AccountRequestGuard> guardProvider;
  private volatile @Nullable List<AccountRequestGuard> guards;

  AccountAccessFilter(
      AccountAccessResolver resolver, ObjectProvider<AccountRequestGuard> guardProvider) {
    this.resolver = resolver;
    this.guardProvider = guardProvider;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean api = path.startsWith("/api/");
    Optional<Optional<AccountAccess>> scoped = resolve(path, api);
    if (scoped.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    Optional<AccountAccess> access = scoped.get();
    if (access.isEmpty()) {
      notFound(api, response);
      return;
    }
    request.setAttribute(AccountAccess.REQUEST_ATTRIBUTE, access.get());
    for (AccountRequestGuard guard : guards()) {
      if (!guard.permit(access.get(), request, response)) {
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /** Empty when the path is not account-scoped; else the caller's access, if any. */
  private Optional<Optional<AccountAccess>> resolve(String path, boolean api) {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (api && path.equals(WHOAMI_PATH)) {
      return Optional.of(resolver.resolveBound(authentication));
    }
    Matcher matcher = (api ? API_PATH : PAGE_PATH).matcher(path);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(resolver.resolve(matcher.group(1), authentication));
  }

  private List<AccountRequestGuard> guards() {
    List<AccountRequestGuard> resolved = guards;
    if (resolved == null) {
      // Resolved on first use, not at construction: guards may depend on beans that are created
      // after the security filter chains.
      resolved = guardProvider.orderedStream().toList();
      guards = resolved;
    }
    return resolved;
  }

  private static void notFound(boolean api, HttpServletResponse response) throws IOException {
    if (api) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write(API_NOT_FOUND);
    } else {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }
}
