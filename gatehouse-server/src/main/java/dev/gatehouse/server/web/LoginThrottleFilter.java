package dev.gatehouse.server.web;

import dev.gatehouse.server.user.LoginThrottle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in attempt (POST {@code /login}) while its client IP or email is throttled, before
 * the password is checked; records the outcome of every attempt that goes ahead.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

  static final String EMAIL_PARAMETER = "email";

  private final LoginThrottle throttle;

  LoginThrottleFilter(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!isSignIn(request)) {
      chain.doFilter(request, response);
      return;
    }
    Optional<Duration> blocked = throttle.blockedFor(request.getRemoteAddr(), email(request));
    if (blocked.isPresent()) {
      redirectThrottled(request, response, blocked.get());
      return;
    }
    chain.doFilter(request, response);
  }

  /** Counts the failure; says so at once when this failure starts the throttling. */
  AuthenticationFailureHandler failureHandler() {
    var plainFailure = new SimpleUrlAuthenticationFailureHandler("/login?error");
    return (request, response, exception) -> {
      String email = email(request);
      throttle.recordFailure(request.getRemoteAddr(), email);
      Optional<Duration> blocked = throttle.blockedFor(request.getRemoteAddr(), email);
      if (blocked.isPresent()) {
        redirectThrottled(request, response, blocked.get());
      } else {
        plainFailure.onAuthenticationFailure(request, response, exception);
      }
    };
  }

  AuthenticationSuccessHandler successHandler() {
    var savedRequest = new SavedRequestAwareAuthenticationSuccessHandler();
    savedRequest.setDefaultTargetUrl("/");
    return (request, response, authentication) -> {
      throttle.recordSuccess(email(request));
      savedRequest.onAuthenticationSuccess(request, response, authentication);
    };
  }

  private static boolean isSignIn(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return HttpMethod.POST.matches(request.getMethod()) && path.equals("/login");
  }

  private static String email(HttpServletRequest request) {
    String email = request.getParameter(EMAIL_PARAMETER);
    return email == null ? "" : email;
  }

  private static void redirectThrottled(
      HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
    long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
    response.sendRedirect(request.getContextPath() + "/login?throttled=" + minutes);
  }
}
