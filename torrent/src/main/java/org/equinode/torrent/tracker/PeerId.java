package org.equinode.torrent.tracker;

import java.util.Arrays;
import org.equinode.common.Hex;

/**
 * The 20-byte id a client announces itself with (BEP 3 {@code peer_id}). Immutable; the array is
 * copied in and out.
 */
public final class PeerId {
  /** The length in bytes. */
  public static final int LENGTH = 20;

  private final byte[] bytes;

  private PeerId(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * A copy of exactly 20 bytes.
   *
   * @throws IllegalArgumentException for any other length
   */
  public static PeerId of(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a peer id is 20 bytes, got " + bytes.length);
    }
    return new PeerId(bytes.clone());
  }

  /** A copy of the bytes. */
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

  /** 40 hex digits. */
  @Override
  public String toString() {
    return Hex.encode(bytes);
  }
}
