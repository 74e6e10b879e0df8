package dev.gatehouse.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BearerHeaderTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Bearer gh_abc|gh_abc",
        "bearer gh_abc|gh_abc",
        "BEARER   gh_abc  |gh_abc",
        "Bearer a token with spaces inside|a token with spaces inside"
      })
  void bearerSecretWhenWellFormedThenTheCredentials(String header, String secret) {
    assertThat(ApiTokenAuthenticationFilter.bearerSecret(header)).isEqualTo(secret);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Bearer",
        "Bearer ",
        "Bearer    ",
        "Basic YWRtaW46c2VjcmV0",
        "gh_abc",
        " Bearer gh_abc",
        "Bearergh_abc",
        "Token gh_abc"
      })
  void bearerSecretWhenNotABearerCredentialThenNull(String header) {
    assertThat(ApiTokenAuthenticationFilter.bearerSecret(header)).isNull();
  }
}
