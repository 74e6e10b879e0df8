package dev.gatehouse.server.api;

import dev.gatehouse.server.allowlist.AddResult;
import dev.gatehouse.server.allowlist.AllowlistEntry;
import dev.gatehouse.server.allowlist.AllowlistView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of the IP allowlist API (SPEC section 5). */
final class AllowlistApiModels {

  private AllowlistApiModels() {}

  @Schema(
      name = "Entry",
      description = "One allowlist entry: a single address or a CIDR block, in canonical form.")
  record EntryJson(
      @Schema(description = "Entry id, used to delete it.", example = "42") long id,
      @Schema(
              description =
                  "Canonical address or CIDR block (IPv6 per RFC 5952; /32 and /128 omitted).",
              example = "203.0.113.0/24")
          String value,
      @Schema(description = "What the entry is for.", example = "Office VPN", nullable = true)
          @Nullable String label,
      @Schema(
              description = "When the entry stops allowing (ISO-8601, UTC); null for never.",
              example = "2026-12-31T18:00:00Z",
              nullable = true)
          @Nullable Instant expiresAt,
      @Schema(description = "When the entry was added.", example = "2026-11-02T09:15:00Z")
          Instant createdAt,
      @Schema(
              description = "Who added it: a user's email or an API token's name.",
              example = "terraform")
          String createdBy) {

    static EntryJson of(AllowlistEntry entry) {
      return new EntryJson(
          entry.id(),
          entry.value(),
          entry.label(),
          entry.expiresAt(),
          entry.createdAt(),
          entry.createdBy());
    }
  }

  @Schema(
      name = "IpAllowlist",
      description = "An account's IP allowlist and its restriction toggle.")
  record AllowlistJson(
      @Schema(description = "Whether the allowlist is enforced.", example = "true") boolean enabled,
      @Schema(description = "Most entries this account may have.", example = "1000") int maxEntries,
      @Schema(description = "The live (not expired) entries, oldest first.")
          List<EntryJson> entries) {

    static AllowlistJson of(AllowlistView view) {
      return new AllowlistJson(
          view.enabled(),
          view.maxEntries(),
          view.entries().stream().filter(view::isLive).map(EntryJson::of).toList());
    }
  }

  @Schema(name = "IpAllowlistUpdate", description = "Turns enforcement of the allowlist on or off.")
  record UpdateAllowlistRequest(
      @Schema(
              description =
                  "true to enforce the allowlist. Refused with 409 lockout when your own IP is not"
                      + " on it.",
              example = "true",
              requiredMode = Schema.RequiredMode.REQUIRED)
          @Nullable Boolean enabled) {}

  @Schema(name = "EntriesSubmission", description = "Addresses to add, all or nothing.")
  record AddEntriesRequest(
      @Schema(
              description =
                  "Up to 20 IPv4/IPv6 addresses or CIDR blocks, separated by commas or line"
                      + " breaks.",
              example = "203.0.113.7, 198.51.100.0/24, 2001:db8::/48",
              requiredMode = Schema.RequiredMode.REQUIRED)
          @Nullable String addresses,
      @Schema(
              description = "Optional label for every added entry (at most 100 characters).",
              example = "Office VPN")
          @Nullable String label,
      @Schema(
              description =
                  "Optional ISO-8601 date-time with offset at which the added entries stop"
                      + " allowing; must be in the future.",
              example = "2026-12-31T18:00:00Z")
          @Nullable OffsetDateTime expiresAt) {}

  @Schema(name = "EntriesAdded", description = "What a submission added.")
  record AddEntriesResponse(
      @Schema(description = "The new entries, in input order.") List<EntryJson> added,
      @Schema(
              description =
                  "Canonical values that were already listed or repeated in the submission; not"
                      + " added again.",
              example = "[\"203.0.113.7\"]")
          List<String> alreadyPresent) {

    static AddEntriesResponse of(AddResult result) {
      return new AddEntriesResponse(
          result.added().stream().map(EntryJson::of).toList(), result.alreadyPresent());
    }
  }

  @Schema(name = "BatchDelete", description = "Entry ids to delete, all or nothing.")
  record BatchDeleteRequest(
      @Schema(
              description = "Ids of entries on this account's list.",
              example = "[42, 43]",
              requiredMode = Schema.RequiredMode.REQUIRED)
          @Nullable List<Long> ids) {}

  @Schema(name = "BatchDeleted", description = "How many entries a batch delete removed.")
  record BatchDeleteResponse(@Schema(example = "2") int deleted) {}
}
