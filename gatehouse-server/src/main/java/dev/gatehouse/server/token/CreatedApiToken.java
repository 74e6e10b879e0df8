package dev.gatehouse.server.token;

/**
 * A token just created: the only moment its secret is known.
 *
 * @param token the stored token
 * @param secret the secret to hand to the creator once ({@code gh_} and 40 letters and digits)
 */
public record CreatedApiToken(ApiTokenRecord token, String secret) {

  @Override
  public String toString() {
    return "CreatedApiToken[token=" + token + ", secret=<hidden>]";
  }
}
