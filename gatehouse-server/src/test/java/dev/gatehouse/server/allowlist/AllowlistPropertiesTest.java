package dev.gatehouse.server.allowlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class AllowlistPropertiesTest {

  private static AllowlistProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("gatehouse.allowlist", AllowlistProperties.class);
  }

  @Test
  void defaultsAreThoseOfTheSpecification() {
    AllowlistProperties properties = bind(Map.of());

    assertThat(properties.maxEntries()).isEqualTo(1000);
    assertThat(properties.maxStaleness()).isEqualTo(Duration.ofSeconds(60));
    assertThat(properties.versionCheckInterval()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void keysBindInSpringsRelaxedForm() {
    AllowlistProperties properties =
        bind(
            Map.of(
                "gatehouse.allowlist.max-entries", "500",
                "gatehouse.allowlist.max-staleness", "30s"));

    assertThat(properties.maxEntries()).isEqualTo(500);
    assertThat(properties.maxStaleness()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void maxEntriesOutsideOneToOneHundredThousandThenRejectedNamingTheKey() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new AllowlistProperties(0, Duration.ofSeconds(60), Duration.ofSeconds(1)))
        .withMessageContaining("gatehouse.allowlist.max-entries");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new AllowlistProperties(100_001, Duration.ofSeconds(60), Duration.ofSeconds(1)))
        .withMessage("gatehouse.allowlist.max-entries must be between 1 and 100000, not 100001");
  }

  @Test
  void zeroMaxStalenessThenRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new AllowlistProperties(1000, Duration.ZERO, Duration.ofSeconds(1)))
        .withMessageContaining("gatehouse.allowlist.max-staleness");
  }

  @Test
  void versionCheckNotShorterThanMaxStalenessThenRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new AllowlistProperties(1000, Duration.ofSeconds(5), Duration.ofSeconds(5)))
        .withMessageContaining("must be shorter than gatehouse.allowlist.max-staleness");
  }
}
