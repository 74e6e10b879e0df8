package dev.gatehouse.server.audit;

import dev.gatehouse.server.account.AccountAccess;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log page, newest first, {@value #PAGE_SIZE} events a page. Admins only, as with
 * GitHub's audit log for organization owners: events carry other people's IP addresses.
 */
@Controller
class AuditLogController {

  static final int PAGE_SIZE = 50;

  private static final DateTimeFormatter SHOWN_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /** One row, formatted for display. */
  record Row(
      String at, String isoAt, String actor, String actorIp, String action, String details) {}

  private final AuditLog auditLog;

  AuditLogController(AuditLog auditLog) {
    this.auditLog = auditLog;
  }

  @GetMapping("/accounts/{slug}/settings/security/audit-log")
  String page(
      AccountAccess access,
      @RequestParam(name = "page", defaultValue = "1") int page,
      Model model) {
    access.requireAdmin();
    int current = Math.max(1, Math.min(page, 10_000));
    // One extra row tells whether an older page exists.
    List<AuditEvent> events =
        auditLog.newestFirst(access.accountId(), (current - 1) * PAGE_SIZE, PAGE_SIZE + 1);
    List<Row> rows =
        events.stream()
            .limit(PAGE_SIZE)
            .map(
                e ->
                    new Row(
                        SHOWN_TIME.format(e.at()),
                        e.at().toString(),
                        e.actor(),
                        e.actorIp(),
                        e.action(),
                        e.details()))
            .toList();
    model.addAttribute("access", access);
    model.addAttribute("rows", rows);
    model.addAttribute("page", current);
    model.addAttribute("hasOlder", events.size() > PAGE_SIZE);
    model.addAttribute("pagePath", "/accounts/" + access.slug() + "/settings/security/audit-log");
    return "audit/audit-log";
  }
}
