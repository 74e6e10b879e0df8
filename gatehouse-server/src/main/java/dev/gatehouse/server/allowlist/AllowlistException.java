package dev.gatehouse.server.allowlist;

import dev.gatehouse.core.IpAddress;
import java.util.List;
import java.util.Objects;

/**
 * A change to an allowlist that was refused. Nothing was changed. {@link #code()} is stable and
 * machine-readable (the API's problem {@code code}); {@link #getMessage()} is written for the
 * person who made the request and may be shown to them as is.
 */
public abstract sealed class AllowlistException extends RuntimeException
    permits AllowlistException.InvalidAddresses,
        AllowlistException.TooManyAddresses,
        AllowlistException.LimitExceeded,
        AllowlistException.InvalidEntry,
        AllowlistException.Lockout,
        AllowlistException.Forbidden,
        AllowlistException.NotFound {

  /** The kinds of refusal, with the HTTP status the API answers them with. */
  public enum Code {
    INVALID_ADDRESSES("invalid_addresses", 400),
    TOO_MANY_ADDRESSES("too_many_addresses", 400),
    INVALID_LABEL("invalid_label", 400),
    INVALID_EXPIRY("invalid_expiry", 400),
    LIMIT_EXCEEDED("limit_exceeded", 409),
    LOCKOUT("lockout", 409),
    FORBIDDEN("forbidden", 403),
    NOT_FOUND("not_found", 404);

    private final String value;
    private final int status;

    Code(String value, int status) {
      this.value = value;
      this.status = status;
    }

    /** The stable code, e.g. {@code invalid_addresses}. */
    public String value() {
      return value;
    }

    /** The HTTP status for this refusal. */
    public int status() {
      return status;
    }
  }

  private final Code code;

  private AllowlistException(Code code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** The kind of refusal. */
  public Code code() {
    return code;
  }

  /**
   * One rejected item of a submission.
   *
   * @param input the item as typed (trimmed)
   * @param reason why it was rejected
   */
  public record ItemError(String input, String reason) {}

  /** Some items of a submission are not valid entries; {@link #errors()} lists each. */
  public static final class InvalidAddresses extends AllowlistException {
    private final List<ItemError> errors;

    InvalidAddresses(List<ItemError> errors) {
      super(Code.INVALID_ADDRESSES, summary(errors));
      this.errors = List.copyOf(errors);
    }

    private static String summary(List<ItemError> errors) {
      if (errors.isEmpty()) {
        return "Enter at least one IP address or CIDR block.";
      }
      return errors.size() == 1
          ? "1 item is not a valid IP address or CIDR block; nothing was added."
          : errors.size() + " items are not valid IP addresses or CIDR blocks; nothing was added.";
    }

    /** The rejected items in input order (empty when the submission held no item at all). */
    public List<ItemError> errors() {
      return errors;
    }
  }

  /** More items than one submission may hold. */
  public static final class TooManyAddresses extends AllowlistException {
    private final int given;
    private final int max;

    TooManyAddresses(int given, int max) {
      super(
          Code.TOO_MANY_ADDRESSES,
          "You can add up to " + max + " IP addresses at once; this has " + given + ".");
      this.given = given;
      this.max = max;
    }

    public int given() {
      return given;
    }

    public int max() {
      return max;
    }
  }

  /** The submission would take the account over its entry limit. */
  public static final class LimitExceeded extends AllowlistException {
    private final int max;

    LimitExceeded(int current, int adding, int max) {
      super(
          Code.LIMIT_EXCEEDED,
          "This account can have at most "
              + max
              + " entries; it has "
              + current
              + " and this would add "
              + adding
              + ". Remove entries first.");
      this.max = max;
    }

    public int max() {
      return max;
    }
  }

  /** The label or expiry is not acceptable; {@link #code()} says which. */
  public static final class InvalidEntry extends AllowlistException {
    InvalidEntry(Code code, String message) {
      super(code, message);
    }
  }

  /** The change would block the acting client's own IP while the toggle is on. */
  public static final class Lockout extends AllowlistException {
    private final IpAddress clientIp;

    Lockout(IpAddress clientIp, String what) {
      super(
          Code.LOCKOUT,
          what
              + " would block your own IP address "
              + clientIp
              + ". Whitelist "
              + clientIp
              + " first.");
      this.clientIp = Objects.requireNonNull(clientIp);
    }

    /** The IP address to whitelist first. */
    public IpAddress clientIp() {
      return clientIp;
    }
  }

  /** Only admins may change the allowlist. */
  public static final class Forbidden extends AllowlistException {
    Forbidden() {
      super(Code.FORBIDDEN, "Only admins of this account can change IP whitelisting.");
    }
  }

  /** An entry id that is not on this account's list. */
  public static final class NotFound extends AllowlistException {
    private final long entryId;

    NotFound(long entryId) {
      super(Code.NOT_FOUND, "Entry " + entryId + " is not on this account's list.");
      this.entryId = entryId;
    }

    public long entryId() {
      return entryId;
    }
  }
}
