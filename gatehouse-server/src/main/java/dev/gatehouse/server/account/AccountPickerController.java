package dev.gatehouse.server.account;

import dev.gatehouse.server.user.SignedInUser;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /}: the accounts of the signed-in user, or straight to the only one. */
@Controller
class AccountPickerController {

  private final AccountService accounts;

  AccountPickerController(AccountService accounts) {
    this.accounts = accounts;
  }

  @GetMapping("/")
  String pick(@AuthenticationPrincipal SignedInUser user, Model model) {
    List<AccountMembership> memberships = accounts.membershipsOf(user.id());
    if (memberships.size() == 1) {
      return "redirect:/accounts/" + memberships.get(0).account().slug() + "/dashboard";
    }
    model.addAttribute("memberships", memberships);
    return "account/picker";
  }
}
