package org.equinode.torrent;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.equinode.common.Hex;

/**
 * The 20 bytes a peer names itself with (BEP 3 {@code peer_id}): in the peer wire handshake and in
 * tracker announces; the one peer id type of the module. Ours follows the Azureus convention (BEP
 * 20): {@code -EQ0010-} and twelve random printable characters. Immutable; the array is copied in
 * and out.
 */
public final class PeerId {
  /** The length in bytes. */
  public static final int LENGTH = 20;

  /** The prefix of our peer ids: client {@code EQ}, version 0.1.0.0. */
  public static final String CLIENT_PREFIX = "-EQ0010-";

  private static final String RANDOM_ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private final byte[] bytes;

  private PeerId(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Wraps a copy of exactly 20 bytes.
   *
   * @throws IllegalArgumentException if the array is not 20 bytes long
   */
  public static PeerId of(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a peer id is 20 bytes, got " + bytes.length);
    }
    return new PeerId(bytes.clone());
  }

  /** A new peer id of ours: {@link #CLIENT_PREFIX} then random letters and digits. */
  public static PeerId random(RandomGenerator random) {
    byte[] bytes = new byte[LENGTH];
    byte[] prefix = CLIENT_PREFIX.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(prefix, 0, bytes, 0, prefix.length);
    for (int i = prefix.length; i < LENGTH; i++) {
      bytes[i] = (byte) RANDOM_ALPHABET.charAt(random.nextInt(RANDOM_ALPHABET.length()));
    }
    return new PeerId(bytes);
  }

  /** A copy of the 20 bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PeerId other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Printable ASCII as it is, any other byte as {@code %xx}: safe to log. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(LENGTH);
    for (byte b : bytes) {
      if (b >= 0x21 && b <= 0x7e && b != '%') {
        out.append((char) b);
      } else {
        out.append('%').append(Hex.encode(new byte[] {b}));
      }
    }
    return out.toString();
  }
}
