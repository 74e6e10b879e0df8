package dev.gatehouse.server.allowlist;

import dev.gatehouse.core.IpBlock;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One allowlist entry.
 *
 * @param id database id
 * @param block the address or CIDR block
 * @param label what the entry is for ("Office VPN"), or null
 * @param expiresAt the instant the entry stops allowing, or null for never
 * @param createdAt when it was added
 * @param createdBy who added it: a user's email or an API token's name
 */
public record AllowlistEntry(
    long id,
    IpBlock block,
    @Nullable String label,
    @Nullable Instant expiresAt,
    Instant createdAt,
    String createdBy) {

  public AllowlistEntry {
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(createdBy, "createdBy");
  }

  /**
   * The canonical text of the block, as stored and shown ({@code 10.0.0.0/8}, {@code 2001:db8::1}).
   */
  public String value() {
    return block.toString();
  }

  /** True while the entry allows: it has no expiry or its expiry is after {@code now}. */
  public boolean isLiveAt(Instant now) {
    return expiresAt == null || expiresAt.isAfter(now);
  }

  /** The value with its label in parentheses, as audit details quote it. */
  String describe() {
    return label == null ? value() : value() + " (" + label + ")";
  }
}
