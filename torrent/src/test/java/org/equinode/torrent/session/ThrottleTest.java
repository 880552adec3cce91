package org.equinode.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The accounting of torrent and engine rate limits, on readings of a clock passed in. */
class ThrottleTest {
  private static final long KIB = 1024;
  private static final long SECOND = 1_000_000_000L;
  private static final long BLOCK = 16 * KIB;

  private static RateLimits down(long bytesPerSecond) {
    return RateLimits.NONE.withDownload(OptionalLong.of(bytesPerSecond));
  }

  @Test
  void aTorrentLimitLetsItsBurstThroughThenSpacesTheBlocks() {
    Throttle torrent = new Throttle();
    Throttle engine = new Throttle();
    torrent.set(down(32 * KIB), 0);
    assertThat(Throttle.downloadWait(torrent, engine, BLOCK, 0)).isZero();
    assertThat(Throttle.downloadWait(torrent, engine, BLOCK, 0)).isZero();
    assertThat(Throttle.downloadWait(torrent, engine, BLOCK, 0)).isEqualTo(SECOND / 2);
    assertThat(Throttle.downloadWait(torrent, engine, BLOCK, 0)).isEqualTo(SECOND);
    // A second later half a second of debt is repaid: the next block waits a second from then.
    assertThat(Throttle.downloadWait(torrent, engine, BLOCK, SECOND)).isEqualTo(SECOND / 2);
  }

  @Test
  void theEngineLimitIsSharedByItsTorrentsAndTheLongerWaitWins() {
    Throttle a = new Throttle();
    Throttle b = new Throttle();
    Throttle engine = new Throttle();
    engine.set(down(BLOCK), 0);
    a.set(down(64 * KIB), 0);
    assertThat(Throttle.downloadWait(a, engine, BLOCK, 0)).isZero();
    // b has no limit of its own, but the engine's bucket is empty after a's block.
    assertThat(Throttle.downloadWait(b, engine, BLOCK, 0)).isEqualTo(SECOND);
    assertThat(Throttle.downloadWait(a, engine, BLOCK, 0)).isEqualTo(2 * SECOND);
  }

  @Test
  void uploadAndDownloadAreAccountedApart() {
    Throttle torrent = new Throttle();
    Throttle engine = new Throttle();
    torrent.set(new RateLimits(OptionalLong.of(BLOCK), OptionalLong.of(BLOCK)), 0);
    assertThat(Throttle.uploadWait(torrent, engine, BLOCK, 0)).isZero();
    assertThat(Throttle.downloadWait(torrent, engine, BLOCK, 0)).isZero();
    assertThat(Throttle.uploadWait(torrent, engine, BLOCK, 0)).isEqualTo(SECOND);
  }

  @Test
  void removingALimitForgivesTheDebtAndLimitsReadBack() {
    Throttle torrent = new Throttle();
    Throttle engine = new Throttle();
    RateLimits limits = new RateLimits(OptionalLong.of(BLOCK), OptionalLong.of(2 * BLOCK));
    torrent.set(limits, 0);
    assertThat(torrent.limits()).isEqualTo(limits);
    Throttle.downloadWait(torrent, engine, 10 * BLOCK, 0);
    torrent.set(RateLimits.NONE, 0);
    assertThat(torrent.limits()).isEqualTo(RateLimits.NONE);
    assertThat(Throttle.downloadWait(torrent, engine, 10 * BLOCK, 0)).isZero();
  }

  @Test
  void limitsOutsideTheLimiterRangeAreRefused() {
    assertThatThrownBy(() -> down(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("download limit 0 B/s is outside 1..8589934592");
  }

  @Test
  void theEngineConnectionCapCountsAcrossTorrents() {
    ConnectionSlots slots = new ConnectionSlots(2);
    assertThat(slots.tryTake()).isTrue();
    assertThat(slots.tryTake()).isTrue();
    assertThat(slots.tryTake()).isFalse();
    assertThat(slots.free()).isZero();
    slots.release();
    assertThat(slots.free()).isEqualTo(1);
    assertThat(slots.tryTake()).isTrue();
    assertThatThrownBy(() -> slots.setMax(0))
        .hasMessage("max connections 0 is outside 1.." + TorrentEngine.MAX_TOTAL_CONNECTIONS);
  }
}
