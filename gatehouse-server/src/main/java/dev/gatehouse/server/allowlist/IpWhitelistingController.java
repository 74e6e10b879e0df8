package dev.gatehouse.server.allowlist;

import dev.gatehouse.core.IpAddress;
import dev.gatehouse.server.account.AccountAccess;
import dev.gatehouse.server.account.ForbiddenException;
import dev.gatehouse.server.web.ClientIp;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The IP Whitelisting page (SPEC section 4): the toggle, the add form, the list with single and
 * bulk removal, the viewer's IP and recently blocked IPs. Every change goes through {@link
 * AllowlistService}; refusals are shown as {@code form-error} lines, keeping what was typed. Works
 * without JavaScript: removal then confirms on a page of its own.
 */
@Controller
@RequestMapping("/accounts/{slug}/settings/security/ip-whitelisting")
class IpWhitelistingController {

  static final int BLOCKED_SHOWN = 20;

  private static final DateTimeFormatter SHOWN_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", java.util.Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /** What the add form holds; re-shown as typed after a refusal. */
  record AddForm(String addresses, String label, String expiresAt) {
    static final AddForm EMPTY = new AddForm("", "", "");
  }

  /** One list row, formatted for display. */
  record EntryRow(
      long id,
      String value,
      @Nullable String label,
      String createdBy,
      String createdAt,
      @Nullable String expiresAt,
      boolean expired,
      boolean coversViewer) {}

  /** One recently blocked IP, formatted for display. */
  record BlockedRow(String ip, long attempts, String firstSeen, String lastSeen, boolean listed) {}

  private final AllowlistService service;

  IpWhitelistingController(AllowlistService service) {
    this.service = service;
  }

  @GetMapping
  String page(
      AccountAccess access,
      HttpServletRequest request,
      @RequestParam(name = "add", required = false) @Nullable String add,
      Model model) {
    boolean openAddForm = add != null;
    return render(access, request, model, AddForm.EMPTY, List.of(), openAddForm);
  }

  @PostMapping("/toggle")
  String toggle(
      AccountAccess access,
      HttpServletRequest request,
      @RequestParam(name = "enabled", defaultValue = "false") boolean enabled,
      RedirectAttributes redirect) {
    try {
      AllowlistView view = service.setEnabled(access, clientIp(request), enabled);
      redirect.addFlashAttribute(
          "notice",
          view.enabled()
              ? "IP whitelisting is on: only listed IP addresses can access this account."
              : "IP whitelisting is off: the list is kept but not enforced.");
    } catch (AllowlistException e) {
      failFlash(e, redirect);
    }
    return redirectToPage(access);
  }

  @PostMapping("/entries")
  String add(
      AccountAccess access,
      HttpServletRequest request,
      HttpServletResponse response,
      @RequestParam(name = "addresses", defaultValue = "") String addresses,
      @RequestParam(name = "label", defaultValue = "") String label,
      @RequestParam(name = "expiresAt", defaultValue = "") String expiresAt,
      @RequestParam(name = "tzOffsetMinutes", required = false) @Nullable Integer tzOffsetMinutes,
      Model model,
      RedirectAttributes redirect) {
    AddForm form = new AddForm(addresses, label, expiresAt);
    Optional<Instant> expiry;
    try {
      expiry = parseExpiry(expiresAt, tzOffsetMinutes);
    } catch (DateTimeParseException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return render(
          access, request, model, form, List.of("Enter the expiry as a date and time."), true);
    }
    try {
      AddResult result =
          service.add(access, clientIp(request), addresses, label, expiry.orElse(null));
      redirect.addFlashAttribute("notice", describe(result));
      return redirectToPage(access);
    } catch (AllowlistException e) {
      if (e instanceof AllowlistException.Forbidden) {
        throw new ForbiddenException(e.getMessage());
      }
      response.setStatus(e.code().status());
      return render(access, request, model, form, errorLines(e), true);
    }
  }

  @PostMapping("/entries/delete")
  String delete(
      AccountAccess access,
      HttpServletRequest request,
      @RequestParam(name = "ids", required = false) @Nullable List<Long> ids,
      @RequestParam(name = "only", required = false) @Nullable Long only,
      @RequestParam(name = "confirmed", defaultValue = "false") boolean confirmed,
      Model model,
      RedirectAttributes redirect) {
    if (!access.isAdmin()) {
      throw new ForbiddenException("Only admins of this account can change IP whitelisting.");
    }
    // A row's own delete button ("only") wins over checkboxes ticked in the same form.
    List<Long> selected = only != null ? List.of(only) : ids == null ? List.of() : ids;
    if (selected.isEmpty()) {
      redirect.addFlashAttribute("errors", List.of("Select at least one entry to remove."));
      return redirectToPage(access);
    }
    if (!confirmed) {
      return confirmRemoval(access, selected, model, redirect);
    }
    try {
      int deleted = service.deleteAll(access, clientIp(request), selected);
      redirect.addFlashAttribute(
          "notice", deleted == 1 ? "Removed 1 entry." : "Removed " + deleted + " entries.");
    } catch (AllowlistException e) {
      failFlash(e, redirect);
    }
    return redirectToPage(access);
  }

  /** The no-JavaScript confirmation: the same question the in-page dialog asks. */
  private String confirmRemoval(
      AccountAccess access, List<Long> ids, Model model, RedirectAttributes redirect) {
    AllowlistView view = service.view(access.accountId());
    Map<Long, AllowlistEntry> byId =
        view.entries().stream().collect(Collectors.toMap(AllowlistEntry::id, Function.identity()));
    List<AllowlistEntry> chosen = new ArrayList<>();
    for (long id : ids.stream().distinct().toList()) {
      AllowlistEntry entry = byId.get(id);
      if (entry == null) {
        redirect.addFlashAttribute(
            "errors",
            List.of("An entry you selected is no longer on the list. Nothing was removed."));
        return redirectToPage(access);
      }
      chosen.add(entry);
    }
    model.addAttribute("access", access);
    model.addAttribute("chosen", chosen);
    model.addAttribute("pagePath", pagePath(access));
    return "allowlist/confirm-remove";
  }

  private String render(
      AccountAccess access,
      HttpServletRequest request,
      Model model,
      AddForm form,
      List<String> addErrors,
      boolean openAddForm) {
    AllowlistView view = service.view(access.accountId());
    Optional<IpAddress> viewer = ClientIp.of(request);
    List<EntryRow> rows =
        view.entries().stream()
            .map(
                e ->
                    new EntryRow(
                        e.id(),
                        e.value(),
                        e.label(),
                        e.createdBy(),
                        SHOWN_TIME.format(e.createdAt()),
                        e.expiresAt() == null ? null : SHOWN_TIME.format(e.expiresAt()),
                        !view.isLive(e),
                        view.isLive(e) && viewer.map(ip -> e.block().contains(ip)).orElse(false)))
            .toList();
    model.addAttribute("access", access);
    model.addAttribute("view", view);
    model.addAttribute("rows", rows);
    model.addAttribute("currentIp", ClientIp.text(request));
    model.addAttribute("currentIpCovered", viewer.map(view::covers).orElse(false));
    model.addAttribute("form", form);
    model.addAttribute("addErrors", addErrors);
    model.addAttribute("addFormOpen", openAddForm || !addErrors.isEmpty());
    model.addAttribute("pagePath", pagePath(access));
    model.addAttribute(
        "maxPerSubmission", dev.gatehouse.core.IpListParser.MAX_ITEMS_PER_SUBMISSION);
    if (access.isAdmin()) {
      model.addAttribute(
          "blocked",
          service.recentlyBlocked(access.accountId(), BLOCKED_SHOWN).stream()
              .map(
                  b ->
                      new BlockedRow(
                          b.ip(),
                          b.attempts(),
                          SHOWN_TIME.format(b.firstSeen()),
                          SHOWN_TIME.format(b.lastSeen()),
                          IpAddress.tryParse(b.ip()).map(view::covers).orElse(false)))
              .toList());
    }
    return "allowlist/ip-whitelisting";
  }

  private static List<String> errorLines(AllowlistException e) {
    if (e instanceof AllowlistException.InvalidAddresses invalid && !invalid.errors().isEmpty()) {
      List<String> lines = new ArrayList<>();
      for (AllowlistException.ItemError error : invalid.errors()) {
        lines.add("\"" + error.input() + "\": " + error.reason());
      }
      lines.add("Nothing was added. Fix the items above and submit again.");
      return lines;
    }
    return List.of(e.getMessage());
  }

  private static void failFlash(AllowlistException e, RedirectAttributes redirect) {
    if (e instanceof AllowlistException.Forbidden) {
      throw new ForbiddenException(e.getMessage());
    }
    if (e instanceof AllowlistException.NotFound) {
      redirect.addFlashAttribute(
          "errors",
          List.of("An entry you selected is no longer on the list. Nothing was removed."));
      return;
    }
    redirect.addFlashAttribute("errors", List.of(e.getMessage()));
  }

  private static String describe(AddResult result) {
    StringBuilder notice = new StringBuilder();
    int added = result.added().size();
    notice.append(added == 1 ? "Whitelisted 1 entry." : "Whitelisted " + added + " entries.");
    if (!result.alreadyPresent().isEmpty()) {
      notice
          .append(" Already on the list: ")
          .append(String.join(", ", result.alreadyPresent()))
          .append('.');
    }
    return notice.toString();
  }

  /**
   * The expiry typed in a {@code datetime-local} field; the page's script sends the browser's
   * offset from UTC (as {@code Date.getTimezoneOffset()} gives it), without it the time is UTC.
   */
  static Optional<Instant> parseExpiry(String text, @Nullable Integer tzOffsetMinutes) {
    if (text.isBlank()) {
      return Optional.empty();
    }
    LocalDateTime local = LocalDateTime.parse(text.strip());
    int offsetMinutes = tzOffsetMinutes == null ? 0 : tzOffsetMinutes;
    if (offsetMinutes < -18 * 60 || offsetMinutes > 18 * 60) {
      offsetMinutes = 0;
    }
    // getTimezoneOffset() is UTC minus local time, in minutes.
    return Optional.of(local.toInstant(ZoneOffset.ofTotalSeconds(-offsetMinutes * 60)));
  }

  private static IpAddress clientIp(HttpServletRequest request) {
    // An unknown client (not an IP literal) cannot be covered by any entry; the unspecified
    // address stands for it, so enabling from it is refused as a lockout.
    return ClientIp.of(request).orElse(IpAddress.ofIpv4(0));
  }

  private static String pagePath(AccountAccess access) {
    return "/accounts/" + access.slug() + "/settings/security/ip-whitelisting";
  }

  private static String redirectToPage(AccountAccess access) {
    return "redirect:" + pagePath(access);
  }
}
