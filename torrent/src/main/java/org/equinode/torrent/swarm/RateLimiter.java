package org.equinode.torrent.swarm;

import java.util.OptionalLong;

/**
 * A token bucket for an upload or download limit, global or per torrent. Tokens are bytes: they
 * accrue at the rate up to {@code burst}, and every byte sent or read takes one.
 *
 * <p>{@link #reserve} never blocks: it takes the tokens at once, on credit if need be, and returns
 * how long the caller must wait before moving the bytes. A virtual thread simply sleeps that long;
 * callers queue up in the order they reserved, and a large chunk is never starved by small ones.
 * Where two limits apply (global and torrent), reserve from both and wait for the longer. {@link
 * #tryAcquire} takes tokens only when they are there, for callers that would rather do something
 * else.
 *
 * <p>All arithmetic is exact integer arithmetic on nanoseconds, with the fraction of a byte carried
 * over, so the long-run rate is exact. Thread-safe: short synchronized sections, no blocking
 * inside.
 */
public final class RateLimiter {
  /** The highest rate, 8 GiB/s; beyond it, a limit is no limit. */
  public static final long MAX_RATE = 1L << 33;

  /** The largest burst. */
  public static final long MAX_BURST = 1L << 34;

  /** The most bytes one call may take. */
  public static final long MAX_BYTES_PER_CALL = 1L << 30;

  private static final long NANOS = 1_000_000_000L;
  private static final long MAX_WAIT_SECONDS = Long.MAX_VALUE / NANOS - 1;

  private long rate;
  private long burst;
  private long tokens;
  private long carry;
  private long last;

  private RateLimiter(long rate, long burst, long now) {
    this.rate = rate;
    this.burst = burst;
    this.tokens = burst;
    this.last = now;
  }

  /** No limit: every call is granted at once. */
  public static RateLimiter unlimited() {
    return new RateLimiter(0, 0, 0);
  }

  /** {@code bytesPerSecond}, bursting up to {@code burst} bytes, starting full at {@code now}. */
  public static RateLimiter of(long bytesPerSecond, long burst, long now) {
    checkLimit(bytesPerSecond, burst);
    return new RateLimiter(bytesPerSecond, burst, now);
  }

  /** {@code bytesPerSecond}, bursting up to one second's worth (at least one 16 KiB block). */
  public static RateLimiter of(long bytesPerSecond, long now) {
    return of(bytesPerSecond, defaultBurst(bytesPerSecond), now);
  }

  /** One second's worth of bytes, at least one block. */
  public static long defaultBurst(long bytesPerSecond) {
    return Math.max(bytesPerSecond, PieceLayout.BLOCK_LENGTH);
  }

  /**
   * Takes {@code bytes} tokens now, on credit if there are not enough. Returns the nanoseconds to
   * wait before moving the bytes (0: go ahead).
   */
  public synchronized long reserve(long bytes, long now) {
    checkBytes(bytes);
    refill(now);
    if (rate == 0) {
      return 0;
    }
    tokens -= bytes;
    return tokens >= 0 ? 0 : nanosToRepay(-tokens);
  }

  /**
   * Gives back {@code bytes} tokens that {@link #reserve} took for bytes that were not moved after
   * all (a request cancelled or dropped before its turn came): they pay off the debt that later
   * reservations wait behind, up to the burst. Nothing if there is no limit.
   */
  public synchronized void refund(long bytes, long now) {
    checkBytes(bytes);
    refill(now);
    if (rate == 0) {
      return;
    }
    tokens = Math.min(burst, tokens + bytes);
    if (tokens == burst) {
      carry = 0;
    }
  }

  /**
   * Takes {@code bytes} tokens if they are all there now; otherwise takes nothing. A caller that
   * polls needs a burst of at least a chunk plus what accrues between polls, or the surplus above
   * the burst is lost and it falls short of the rate.
   */
  public synchronized boolean tryAcquire(long bytes, long now) {
    checkBytes(bytes);
    refill(now);
    if (rate == 0) {
      return true;
    }
    if (tokens < bytes) {
      return false;
    }
    tokens -= bytes;
    return true;
  }

  /** The tokens there now: negative while reservations are outstanding. */
  public synchronized long available(long now) {
    refill(now);
    return tokens;
  }

  /** The rate, empty if unlimited. */
  public synchronized OptionalLong rate() {
    return rate == 0 ? OptionalLong.empty() : OptionalLong.of(rate);
  }

  /** Changes the limit; tokens and credit so far are kept (capped at the new burst). */
  public synchronized void setRate(long bytesPerSecond, long burst, long now) {
    checkLimit(bytesPerSecond, burst);
    refill(now);
    boolean wasUnlimited = rate == 0;
    this.rate = bytesPerSecond;
    this.burst = burst;
    if (wasUnlimited) {
      tokens = burst;
      carry = 0;
    } else {
      tokens = Math.min(tokens, burst);
    }
  }

  /** Removes the limit; outstanding credit is forgiven. */
  public synchronized void setUnlimited(long now) {
    refill(now);
    rate = 0;
    burst = 0;
    tokens = 0;
    carry = 0;
  }

  private void refill(long now) {
    if (rate == 0) {
      last = now;
      return;
    }
    long elapsed = now - last;
    if (elapsed <= 0) {
      return;
    }
    last = now;
    long seconds = elapsed / NANOS;
    if (seconds > 0 && seconds >= (burst - tokens) / rate + 1) {
      tokens = burst;
      carry = 0;
      return;
    }
    tokens += seconds * rate;
    // (elapsed % NANOS) < 2^30 and rate <= 2^33: the product stays below 2^63.
    long accrued = (elapsed % NANOS) * rate + carry;
    tokens += accrued / NANOS;
    carry = accrued % NANOS;
    if (tokens >= burst) {
      tokens = burst;
      carry = 0;
    }
  }

  /** Nanoseconds until {@code debt} bytes have accrued, counting the carried fraction. */
  private long nanosToRepay(long debt) {
    long seconds = debt / rate;
    if (seconds >= MAX_WAIT_SECONDS) {
      return Long.MAX_VALUE;
    }
    long rest = debt % rate;
    // debt >= 1 byte and carry < 1 byte, so the total is positive.
    return seconds * NANOS + Math.ceilDiv(rest * NANOS - carry, rate);
  }

  private static void checkLimit(long bytesPerSecond, long burst) {
    if (bytesPerSecond < 1 || bytesPerSecond > MAX_RATE) {
      throw new IllegalArgumentException(
          "rate " + bytesPerSecond + " B/s is outside 1.." + MAX_RATE);
    }
    if (burst < 1 || burst > MAX_BURST) {
      throw new IllegalArgumentException("burst " + burst + " B is outside 1.." + MAX_BURST);
    }
  }

  private static void checkBytes(long bytes) {
    if (bytes < 0 || bytes > MAX_BYTES_PER_CALL) {
      throw new IllegalArgumentException(
          "byte count " + bytes + " is outside 0.." + MAX_BYTES_PER_CALL);
    }
  }
}
