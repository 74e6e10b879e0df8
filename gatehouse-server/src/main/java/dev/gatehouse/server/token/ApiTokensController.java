package dev.gatehouse.server.token;

import dev.gatehouse.server.account.AccountAccess;
import dev.gatehouse.server.account.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /accounts/{slug}/settings/api-tokens}, admins only: create tokens (the secret is shown in
 * the response to the creating request only, never stored or redirected through the session), list
 * them with their last use, revoke them after a confirmation page.
 */
@Controller
@RequestMapping("/accounts/{slug}/settings/api-tokens")
class ApiTokensController {

  private final ApiTokenService tokens;
  private final ApiTokenAdministration administration;

  ApiTokensController(ApiTokenService tokens, ApiTokenAdministration administration) {
    this.tokens = tokens;
    this.administration = administration;
  }

  /** The create form, bound field by field. */
  record CreateTokenForm(@Nullable String name, @Nullable String role) {}

  @GetMapping
  String list(AccountAccess access, Model model) {
    access.requireAdmin();
    return page(access, model, "", Role.MEMBER.name());
  }

  @PostMapping
  String create(
      AccountAccess access,
      CreateTokenForm form,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    access.requireAdmin();
    String name = form.name() == null ? "" : form.name();
    Role role = parseRole(form.role());
    if (role == null) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("formError", "Choose a role for the token: Admin or Member.");
      return page(access, model, name, Role.MEMBER.name());
    }
    try {
      CreatedApiToken created = administration.create(access, clientIp(request), name, role);
      model.addAttribute("created", created);
      return page(access, model, "", Role.MEMBER.name());
    } catch (InvalidApiTokenException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("formError", e.getMessage());
      return page(access, model, name, role.name());
    }
  }

  @GetMapping("/{tokenId}/revoke")
  String confirmRevoke(
      AccountAccess access, @PathVariable long tokenId, Model model, RedirectAttributes redirect) {
    access.requireAdmin();
    var token = tokens.find(access.accountId(), tokenId).filter(t -> !t.revoked());
    if (token.isEmpty()) {
      redirect.addFlashAttribute("actionError", "That token does not exist or is revoked already.");
      return redirectToList(access);
    }
    model.addAttribute("token", token.get());
    return "token/confirm-revoke";
  }

  @PostMapping("/{tokenId}/revoke")
  String revoke(
      AccountAccess access,
      @PathVariable long tokenId,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    access.requireAdmin();
    administration
        .revoke(access, clientIp(request), tokenId)
        .ifPresentOrElse(
            token ->
                redirect.addFlashAttribute(
                    "flash", "The token \"" + token.name() + "\" was revoked: it no longer works."),
            () ->
                redirect.addFlashAttribute(
                    "actionError", "That token does not exist or is revoked already."));
    return redirectToList(access);
  }

  private String page(AccountAccess access, Model model, String name, String role) {
    model.addAttribute("tokens", tokens.list(access.accountId()));
    model.addAttribute("form", new CreateTokenForm(name, role));
    model.addAttribute("roles", Role.values());
    return "token/api-tokens";
  }

  private static @Nullable Role parseRole(@Nullable String role) {
    for (Role candidate : Role.values()) {
      if (candidate.name().equals(role)) {
        return candidate;
      }
    }
    return null;
  }

  private static String redirectToList(AccountAccess access) {
    return "redirect:/accounts/" + access.slug() + "/settings/api-tokens";
  }

  /**
   * The client IP for the audit log. The client-IP filter, which runs before everything else, makes
   * {@code getRemoteAddr()} the resolved client IP (canonical text), trusted proxies applied.
   */
  private static String clientIp(HttpServletRequest request) {
    return request.getRemoteAddr();
  }
}
