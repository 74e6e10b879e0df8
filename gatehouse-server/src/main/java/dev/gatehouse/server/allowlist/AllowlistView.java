package dev.gatehouse.server.allowlist;

import dev.gatehouse.core.IpAddress;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An account's allowlist as read at one instant.
 *
 * @param accountId the account
 * @param enabled whether the restriction toggle is on
 * @param version increases with every change of the policy (0: never changed)
 * @param maxEntries the per-account limit ({@code gatehouse.allowlist.max-entries})
 * @param entries every stored entry, oldest first, including expired ones not yet removed
 * @param asOf the instant the view was read; {@link #isLive} is judged at it
 */
public record AllowlistView(
    long accountId,
    boolean enabled,
    long version,
    int maxEntries,
    List<AllowlistEntry> entries,
    Instant asOf) {

  public AllowlistView {
    entries = List.copyOf(entries);
  }

  /** True when the entry still allows at {@link #asOf}. */
  public boolean isLive(AllowlistEntry entry) {
    return entry.isLiveAt(asOf);
  }

  /** True when the toggle is off, or a live entry covers the address. */
  public boolean allows(@Nullable IpAddress address) {
    return !enabled || covers(address);
  }

  /** True when a live entry covers the address, whatever the toggle says. */
  public boolean covers(@Nullable IpAddress address) {
    return entries.stream().anyMatch(e -> isLive(e) && e.block().contains(address));
  }
}
