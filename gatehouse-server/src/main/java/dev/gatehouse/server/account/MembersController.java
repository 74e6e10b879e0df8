package dev.gatehouse.server.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /accounts/{slug}/settings/members}: everyone in the account sees the members and their
 * roles; admins add members, change roles and remove members. Removal is confirmed on its own page,
 * so every flow works without JavaScript.
 */
@Controller
@RequestMapping("/accounts/{slug}/settings/members")
class MembersController {

  private final MemberService members;

  MembersController(MemberService members) {
    this.members = members;
  }

  /** The add-member form, bound field by field (never to an entity). */
  record AddMemberForm(@Nullable String email, @Nullable String password, @Nullable String role) {

    static AddMemberForm empty() {
      return new AddMemberForm("", "", Role.MEMBER.name());
    }
  }

  @GetMapping
  String list(AccountAccess access, Model model) {
    return page(access, model, AddMemberForm.empty());
  }

  @PostMapping
  String add(
      AccountAccess access,
      AddMemberForm form,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    access.requireAdmin();
    String email = form.email() == null ? "" : form.email();
    String password = form.password() == null ? "" : form.password();
    try {
      Role role = parseRole(form.role());
      var outcome = members.add(access, clientIp(request), email, password, role);
      String added = email.strip().toLowerCase(Locale.ROOT);
      redirect.addFlashAttribute(
          "flash",
          outcome == MemberService.AddOutcome.CREATED_USER
              ? added + " was added as " + label(role) + ". Share the initial password with them."
              : added + " was added as " + label(role) + " and can sign in with their password.");
      return redirectToList(access);
    } catch (MemberChangeException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("formError", e.getMessage());
      return page(access, model, new AddMemberForm(email, "", form.role()));
    }
  }

  @PostMapping("/{userId}/role")
  String changeRole(
      AccountAccess access,
      @PathVariable long userId,
      @Nullable String role,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    access.requireAdmin();
    try {
      Member changed = members.changeRole(access, clientIp(request), userId, parseRole(role));
      redirect.addFlashAttribute(
          "flash", changed.email() + " is now " + label(changed.role()) + ".");
    } catch (MemberChangeException e) {
      redirect.addFlashAttribute("actionError", e.getMessage());
    }
    return redirectToList(access);
  }

  @GetMapping("/{userId}/remove")
  String confirmRemove(
      AccountAccess access, @PathVariable long userId, Model model, RedirectAttributes redirect) {
    access.requireAdmin();
    try {
      model.addAttribute("member", members.find(access.accountId(), userId));
      return "account/confirm-remove-member";
    } catch (MemberChangeException e) {
      redirect.addFlashAttribute("actionError", e.getMessage());
      return redirectToList(access);
    }
  }

  @PostMapping("/{userId}/remove")
  String remove(
      AccountAccess access,
      @PathVariable long userId,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    access.requireAdmin();
    try {
      Member removed = members.remove(access, clientIp(request), userId);
      if (removed.userId() == access.actor().id() && access.actor().kind() == ActorKind.USER) {
        // Removed themselves: this account is gone for them.
        return "redirect:/";
      }
      redirect.addFlashAttribute(
          "flash", removed.email() + " was removed from " + access.accountName() + ".");
    } catch (MemberChangeException e) {
      redirect.addFlashAttribute("actionError", e.getMessage());
    }
    return redirectToList(access);
  }

  private String page(AccountAccess access, Model model, AddMemberForm form) {
    model.addAttribute("members", members.members(access.accountId()));
    model.addAttribute("form", form);
    model.addAttribute("roles", Role.values());
    return "account/members";
  }

  private static Role parseRole(@Nullable String role) {
    return Optional.ofNullable(role)
        .flatMap(
            r -> {
              try {
                return Optional.of(Role.valueOf(r));
              } catch (IllegalArgumentException e) {
                return Optional.empty();
              }
            })
        .orElseThrow(() -> new MemberChangeException("Choose a role: Admin or Member."));
  }

  private static String label(Role role) {
    return role == Role.ADMIN ? "an admin" : "a member";
  }

  private static String redirectToList(AccountAccess access) {
    return "redirect:/accounts/" + access.slug() + "/settings/members";
  }

  /**
   * The client IP for the audit log. The client-IP filter, which runs before everything else, makes
   * {@code getRemoteAddr()} the resolved client IP (canonical text), trusted proxies applied.
   */
  private static String clientIp(HttpServletRequest request) {
    return request.getRemoteAddr();
  }
}
