package dev.gatehouse.server.user;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

  /** Longest wait the page will state; the throttle window is 15 minutes. */
  private static final int MAX_STATED_MINUTES = 60;

  @GetMapping("/login")
  String login(
      @Nullable Authentication authentication,
      @RequestParam(name = "throttled", required = false) @Nullable String throttled,
      Model model) {
    if (authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken)) {
      return "redirect:/";
    }
    // Only a small number is shown, so a crafted link cannot put other text on the page.
    if (throttled != null && throttled.matches("[1-9][0-9]?")) {
      int minutes = Integer.parseInt(throttled);
      if (minutes <= MAX_STATED_MINUTES) {
        model.addAttribute("throttledMinutes", minutes);
      }
    }
    return "login";
  }
}
