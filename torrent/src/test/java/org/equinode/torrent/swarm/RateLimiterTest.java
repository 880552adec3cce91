package org.equinode.torrent.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final long MS = 1_000_000L;
  private static final long SECOND = 1_000_000_000L;

  @Test
  void reservationsQueueUpAtTheRate() {
    RateLimiter limiter = RateLimiter.of(1000, 1000, 0);
    assertThat(limiter.reserve(1000, 0)).isZero();
    assertThat(limiter.reserve(500, 0)).isEqualTo(500 * MS);
    assertThat(limiter.reserve(1, 0)).isEqualTo(501 * MS);
    assertThat(limiter.available(0)).isEqualTo(-501);
    assertThat(limiter.available(501 * MS)).isZero();
    assertThat(limiter.reserve(2000, 501 * MS)).isEqualTo(2 * SECOND);
  }

  @Test
  void aRefundPaysOffTheDebtLaterReservationsWaitBehindUpToTheBurst() {
    RateLimiter limiter = RateLimiter.of(1000, 1000, 0);
    assertThat(limiter.reserve(1000, 0)).isZero();
    assertThat(limiter.reserve(1000, 0)).isEqualTo(SECOND);
    assertThat(limiter.reserve(1000, 0)).isEqualTo(2 * SECOND);
    // The last two are cancelled before their turn: the next waits as if they never were.
    limiter.refund(1000, 0);
    limiter.refund(1000, 0);
    assertThat(limiter.available(0)).isZero();
    assertThat(limiter.reserve(1000, 0)).isEqualTo(SECOND);
    // Never above the burst.
    limiter.refund(5000, 0);
    assertThat(limiter.available(0)).isEqualTo(1000);
    RateLimiter unlimited = RateLimiter.unlimited();
    unlimited.refund(1000, 0);
    assertThat(unlimited.reserve(1_000_000, 0)).isZero();
  }

  @Test
  void tryAcquireTakesOnlyWhatIsThere() {
    RateLimiter limiter = RateLimiter.of(1000, 100, 0);
    assertThat(limiter.tryAcquire(101, 0)).isFalse();
    assertThat(limiter.tryAcquire(100, 0)).isTrue();
    assertThat(limiter.tryAcquire(10, 0)).isFalse();
    assertThat(limiter.tryAcquire(10, 10 * MS - 1)).isFalse();
    assertThat(limiter.tryAcquire(10, 10 * MS)).isTrue();
    assertThat(limiter.available(10 * SECOND)).isEqualTo(100);
  }

  @Test
  void carriesFractionsOfABytePrecisely() {
    RateLimiter limiter = RateLimiter.of(3, 1_000_000, 0);
    limiter.reserve(1_000_000, 0);
    long now = 0;
    for (int i = 0; i < 10_000; i++) {
      now += 7_777_777;
      limiter.available(now);
    }
    // 77.77777 s at 3 B/s: 233 whole bytes, however the time was sliced.
    assertThat(limiter.available(now)).isEqualTo(233);
  }

  @Test
  void unlimitedUntilLimited() {
    RateLimiter limiter = RateLimiter.unlimited();
    assertThat(limiter.rate()).isEmpty();
    assertThat(limiter.reserve(RateLimiter.MAX_BYTES_PER_CALL, -5)).isZero();
    assertThat(limiter.tryAcquire(RateLimiter.MAX_BYTES_PER_CALL, -5)).isTrue();
    limiter.setRate(1000, 500, 7 * SECOND);
    assertThat(limiter.rate()).hasValue(1000);
    assertThat(limiter.available(7 * SECOND)).isEqualTo(500);
    assertThat(limiter.reserve(1500, 7 * SECOND)).isEqualTo(SECOND);
    limiter.setRate(2000, 500, 7 * SECOND);
    assertThat(limiter.reserve(0, 7 * SECOND)).isEqualTo(SECOND / 2);
    limiter.setUnlimited(8 * SECOND);
    assertThat(limiter.reserve(1_000_000, 8 * SECOND)).isZero();
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> RateLimiter.of(0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rate 0 B/s is outside 1..8589934592");
    assertThatThrownBy(() -> RateLimiter.of(10, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("burst 0 B is outside 1..17179869184");
    assertThatThrownBy(() -> RateLimiter.of(10, 0).reserve(-1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("byte count -1 is outside 0..1073741824");
    assertThat(RateLimiter.of(10, 0).available(0)).isEqualTo(16_384);
  }
}
