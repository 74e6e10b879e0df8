package dev.gatehouse.server.allowlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class ExpiryInputTest {

  @Test
  void localTimeIsReadWithTheBrowsersOffset() {
    // Date.getTimezoneOffset() is -60 in UTC+1 (Berlin in winter).
    assertThat(IpWhitelistingController.parseExpiry("2026-03-01T10:00", -60))
        .contains(Instant.parse("2026-03-01T09:00:00Z"));
    assertThat(IpWhitelistingController.parseExpiry("2026-03-01T10:00", 300))
        .contains(Instant.parse("2026-03-01T15:00:00Z"));
  }

  @Test
  void withoutAnOffsetTheTimeIsUtcAndBlankMeansNoExpiry() {
    assertThat(IpWhitelistingController.parseExpiry("2026-03-01T10:00", null))
        .contains(Instant.parse("2026-03-01T10:00:00Z"));
    assertThat(IpWhitelistingController.parseExpiry("  ", null)).isEmpty();
  }

  @Test
  void somethingThatIsNotADateTimeIsRejected() {
    assertThatThrownBy(() -> IpWhitelistingController.parseExpiry("tomorrow", null))
        .isInstanceOf(DateTimeParseException.class);
  }

  @Test
  void versionCheckMustRunMoreOftenThanTheStalenessLimit() {
    assertThatThrownBy(
            () -> new AllowlistProperties(1000, Duration.ofSeconds(60), Duration.ofSeconds(60)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version-check-interval");
    assertThat(
            new AllowlistProperties(1000, Duration.ofSeconds(60), Duration.ofSeconds(1))
                .maxEntries())
        .isEqualTo(1000);
  }
}
