package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class GatehousePropertiesTest {

  @Test
  void bootstrapTokenShorterThan32CharactersThenRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new GatehouseProperties.Bootstrap(
                    "acme", null, null, "0123456789012345678901234567890"))
        .withMessageContaining("gatehouse.bootstrap.api-token");
  }

  @Test
  void bootstrapTokenWithNonAsciiThenRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new GatehouseProperties.Bootstrap(
                    "acme", null, null, "0123456789012345678901234567890\u00e9"));
  }

  @Test
  void bootstrapTokenOf32PrintableCharactersThenAccepted() {
    var bootstrap =
        new GatehouseProperties.Bootstrap("acme", null, null, "!\"#$%&'()*+,-./0123456789:;<=>?@");

    assertThat(bootstrap.apiToken()).hasSize(32);
  }

  @Test
  void bootstrapWithoutAccountThenRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new GatehouseProperties.Bootstrap(null, "a@b.test", "pw", null))
        .withMessageContaining("gatehouse.bootstrap.account is required");
  }

  @Test
  void bootstrapAccountNotASlugThenRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new GatehouseProperties.Bootstrap("Acme Inc", null, null, null))
        .withMessageContaining("slug");
  }

  @Test
  void adminEmailWithoutPasswordThenRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new GatehouseProperties.Bootstrap("acme", "a@b.test", null, null))
        .withMessageContaining("set together");
  }

  @Test
  void adminEmailIsLowerCased() {
    assertThat(new GatehouseProperties.Bootstrap("acme", " Ada@B.Test ", "pw", null).adminEmail())
        .isEqualTo("ada@b.test");
  }

  @Test
  void blankTrustedProxyThenRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new GatehouseProperties(
                    List.of(" "), new GatehouseProperties.Bootstrap(null, null, null, null)));
  }
}
