package dev.gatehouse.server.allowlist;

import dev.gatehouse.core.IpAddress;
import dev.gatehouse.server.account.AccountAccess;
import dev.gatehouse.server.account.AccountRequestGuard;
import dev.gatehouse.server.web.ClientIp;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enforces the account's IP policy on every account-scoped request, pages and API alike, after
 * membership and before role checks and controllers (SPEC section 3). Nothing is cached in the
 * session: each request is judged by the policy as it is now, so a change cuts sessions off, or
 * lets them back in, on their next request.
 */
@Component
@Order(0)
class IpPolicyGuard implements AccountRequestGuard {

  static final String IP_NOT_ALLOWED = "ip_not_allowed";
  static final String POLICY_UNAVAILABLE = "policy_unavailable";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

  private final PolicyCache policies;
  private final BlockedAttemptCounter blockedAttempts;
  private final ITemplateEngine templates;

  IpPolicyGuard(
      PolicyCache policies, BlockedAttemptCounter blockedAttempts, ITemplateEngine templates) {
    this.policies = policies;
    this.blockedAttempts = blockedAttempts;
    this.templates = templates;
  }

  @Override
  public boolean permit(
      AccountAccess access, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<IpAddress> clientIp = ClientIp.of(request);
    PolicyCache.Verdict verdict =
        clientIp
            .map(ip -> policies.check(access.accountId(), ip))
            .orElseGet(() -> policies.checkUnknownClient(access.accountId()));
    switch (verdict) {
      case ALLOWED:
        return true;
      case NOT_ALLOWED:
        clientIp.ifPresent(ip -> blockedAttempts.count(access.accountId(), ip));
        refuse(access, request, response, ClientIp.text(request));
        return false;
      default:
        unavailable(request, response);
        return false;
    }
  }

  private void refuse(
      AccountAccess access,
      HttpServletRequest request,
      HttpServletResponse response,
      String clientIp)
      throws IOException {
    String detail =
        "Your IP address "
            + clientIp
            + " is not allowed to access "
            + access.accountName()
            + ". Contact your account's admin to whitelist it.";
    if (isApi(request)) {
      Map<String, Object> problem = new LinkedHashMap<>();
      problem.put("type", "about:blank");
      problem.put("status", HttpServletResponse.SC_FORBIDDEN);
      problem.put("title", "IP address not allowed");
      problem.put("detail", detail);
      problem.put("code", IP_NOT_ALLOWED);
      problem.put("clientIp", clientIp);
      writeProblem(response, HttpServletResponse.SC_FORBIDDEN, problem);
      return;
    }
    Context context = new Context();
    context.setVariable("clientIp", clientIp);
    context.setVariable("accountName", access.accountName());
    writeHtml(
        response,
        HttpServletResponse.SC_FORBIDDEN,
        templates.process("allowlist/blocked", context));
  }

  private void unavailable(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String detail =
        "This account's IP policy cannot be confirmed right now, so access is paused. Try again"
            + " in a moment.";
    response.setHeader("Retry-After", "5");
    if (isApi(request)) {
      Map<String, Object> problem = new LinkedHashMap<>();
      problem.put("type", "about:blank");
      problem.put("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      problem.put("title", "Policy unavailable");
      problem.put("detail", detail);
      problem.put("code", POLICY_UNAVAILABLE);
      writeProblem(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, problem);
      return;
    }
    Context context = new Context();
    context.setVariable("detail", detail);
    writeHtml(
        response,
        HttpServletResponse.SC_SERVICE_UNAVAILABLE,
        templates.process("allowlist/unavailable", context));
  }

  private static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/api/");
  }

  private static void writeProblem(
      HttpServletResponse response, int status, Map<String, Object> problem) throws IOException {
    response.setStatus(status);
    response.setHeader("Cache-Control", "no-store");
    response.setContentType(PROBLEM_JSON.toString());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JSON.writeValueAsString(problem));
  }

  private static void writeHtml(HttpServletResponse response, int status, String html)
      throws IOException {
    response.setStatus(status);
    response.setHeader("Cache-Control", "no-store");
    response.setContentType(MediaType.TEXT_HTML_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(html);
  }
}
