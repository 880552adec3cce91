package org.equinode.torrent.dht;

import java.net.InetAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.equinode.torrent.bencode.BBytes;

/**
 * The tokens our {@code get_peers} replies hand out (BEP 5): the first {@link #TOKEN_LENGTH} bytes
 * of SHA-1 over the querier's IP and a secret. The secret changes every {@link #ROTATE_EVERY} and
 * the previous one is still accepted, so a token is good for 5 to 10 minutes. Not thread-safe.
 */
public final class TokenSecrets {
  /** How often the secret changes. */
  public static final Duration ROTATE_EVERY = Duration.ofMinutes(5);

  /** Bytes of a token we give. */
  public static final int TOKEN_LENGTH = 8;

  private static final int SECRET_LENGTH = 16;

  private final RandomGenerator random;
  private byte[] current;
  private byte[] previous;
  private long rotatedAt;

  /** Secrets drawn from {@code random}, the first one made at {@code now} (clock nanoseconds). */
  public TokenSecrets(RandomGenerator random, long now) {
    this.random = random;
    this.current = secret();
    this.previous = secret();
    this.rotatedAt = now;
  }

  /** The token for a querier at {@code ip}. */
  public Token tokenFor(InetAddress ip, long now) {
    rotate(now);
    return token(ip, current);
  }

  /** Whether {@code token} is one we gave {@code ip} within the last two secrets. */
  public boolean isValid(Token token, InetAddress ip, long now) {
    rotate(now);
    return token.equals(token(ip, current)) || token.equals(token(ip, previous));
  }

  private void rotate(long now) {
    long period = ROTATE_EVERY.toNanos();
    if (now - rotatedAt >= 2 * period) {
      previous = secret();
      current = secret();
      rotatedAt = now;
    } else if (now - rotatedAt >= period) {
      previous = current;
      current = secret();
      rotatedAt = now;
    }
  }

  private byte[] secret() {
    byte[] s = new byte[SECRET_LENGTH];
    random.nextBytes(s);
    return s;
  }

  private static Token token(InetAddress ip, byte[] secret) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
    sha1.update(ip.getAddress());
    sha1.update(secret);
    return new Token(BBytes.of(Arrays.copyOf(sha1.digest(), TOKEN_LENGTH)));
  }
}
