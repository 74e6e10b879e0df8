package dev.gatehouse.core;

/**
 * Thrown when a text is not a valid IP address or allowlist entry. Carries the text as given and a
 * reason a person understands ("leading zeros are ambiguous (octal or decimal?)"), suitable for
 * showing next to the input.
 *
 * <p>The message is {@code "<input>": <reason>}.
 */
public final class IpFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String input;
  private final String reason;

  /**
   * A refusal of {@code input} for {@code reason}.
   *
   * @param input the text as the user gave it
   * @param reason why it was refused, phrased for the user, without the input itself
   */
  public IpFormatException(String input, String reason) {
    super('"' + input + "\": " + reason);
    this.input = input;
    this.reason = reason;
  }

  /** The refused text, exactly as given. */
  public String input() {
    return input;
  }

  /** Why the text was refused, phrased for the user; does not repeat the input. */
  public String reason() {
    return reason;
  }
}
