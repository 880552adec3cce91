package org.equinode.torrent.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateMeterTest {
  private static final long MS = 1_000_000L;
  private static final long SECOND = 1_000_000_000L;

  @Test
  void measuresASteadyFlow() {
    long start = 123_456_789L;
    RateMeter meter = new RateMeter(Duration.ofSeconds(5), start);
    long now = start;
    for (int i = 0; i < 1000; i++) {
      now += 10 * MS;
      meter.add(16_384, now);
    }
    // 16 KiB every 10 ms is 1,638,400 B/s.
    assertThat(meter.bytesPerSecond(now)).isBetween(1_600_000L, 1_680_000L);
    assertThat(meter.total()).isEqualTo(16_384_000L);
  }

  @Test
  void aYoungMeterDividesByTheTimeItHasMeasured() {
    RateMeter meter = new RateMeter(Duration.ofSeconds(5), 0);
    meter.add(1_000_000, 100 * MS);
    meter.add(1_000_000, 200 * MS);
    // Two megabytes in the first quarter second (one bucket), not spread over five seconds.
    assertThat(meter.bytesPerSecond(250 * MS)).isEqualTo(8_000_000L);
    assertThat(meter.bytesPerSecond(SECOND)).isEqualTo(2_000_000L);
    meter.add(1_000, 1);
    assertThat(new RateMeter(Duration.ofSeconds(5), 0).bytesPerSecond(0)).isZero();
  }

  @Test
  void forgetsWhatLeftTheWindow() {
    RateMeter meter = new RateMeter(Duration.ofSeconds(5), 0);
    for (long t = 0; t < 10 * SECOND; t += 100 * MS) {
      meter.add(10_000, t);
    }
    long stopped = 10 * SECOND;
    assertThat(meter.bytesPerSecond(stopped)).isBetween(95_000L, 105_000L);
    assertThat(meter.bytesPerSecond(stopped + 2500 * MS)).isBetween(45_000L, 55_000L);
    assertThat(meter.bytesPerSecond(stopped + 5 * SECOND)).isZero();
    assertThat(meter.bytesPerSecond(stopped + 3600 * SECOND)).isZero();
    meter.add(500_000, stopped + 3600 * SECOND);
    // The window is 19 whole buckets and the current one, empty on its boundary: 4.75 s.
    assertThat(meter.bytesPerSecond(stopped + 3601 * SECOND)).isEqualTo(500_000L * 100 / 475);
    assertThat(meter.total()).isEqualTo(100 * 10_000L + 500_000L);
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> new RateMeter(Duration.ofNanos(19), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("window PT0.000000019S is shorter than 20 ns");
    assertThatThrownBy(() -> RateMeter.startingAt(0).add(-1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("negative byte count -1");
  }
}
