package org.equinode.torrent.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestQueueSizerTest {
  private static final RequestQueueSizer SIZER = RequestQueueSizer.DEFAULT;

  @Test
  void coversTheBandwidthDelayProduct() {
    // 1 MiB/s for 3 s is 192 blocks of 16 KiB.
    assertThat(SIZER.size(1 << 20)).isEqualTo(192);
    assertThat(SIZER.size(100_000)).isEqualTo(19);
    assertThat(new RequestQueueSizer(Duration.ofSeconds(2), 2, 500).size(1 << 20)).isEqualTo(128);
  }

  @Test
  void staysWithinItsBounds() {
    assertThat(SIZER.size(0)).isEqualTo(2);
    assertThat(SIZER.size(1000)).isEqualTo(2);
    assertThat(SIZER.size(200L << 20)).isEqualTo(500);
    assertThat(SIZER.size(Long.MAX_VALUE)).isEqualTo(500);
  }

  @Test
  void tellsHowManyMoreToSend() {
    assertThat(SIZER.deficit(100, 1 << 20)).isEqualTo(92);
    assertThat(SIZER.deficit(300, 1 << 20)).isZero();
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> new RequestQueueSizer(Duration.ZERO, 2, 500))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("queue time PT0S is not positive");
    assertThatThrownBy(() -> new RequestQueueSizer(Duration.ofSeconds(1), 5, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("queue bounds [5, 4] are not within [1, 10000]");
    assertThatThrownBy(() -> SIZER.size(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("negative rate -1");
  }
}
