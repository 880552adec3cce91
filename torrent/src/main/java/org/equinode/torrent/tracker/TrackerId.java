package org.equinode.torrent.tracker;

import java.util.Arrays;
import org.equinode.common.Hex;

/**
 * The opaque {@code tracker id} an HTTP tracker may hand out, to be sent back as {@code trackerid}
 * on the next announce to the same tracker. At most {@link #MAX_LENGTH} bytes.
 */
public final class TrackerId {
  /** The longest tracker id accepted. */
  public static final int MAX_LENGTH = 256;

  private final byte[] bytes;

  private TrackerId(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * A copy of {@code bytes}.
   *
   * @throws IllegalArgumentException if longer than {@link #MAX_LENGTH}
   */
  public static TrackerId of(byte[] bytes) {
    if (bytes.length > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "a tracker id of " + bytes.length + " bytes, more than " + MAX_LENGTH);
    }
    return new TrackerId(bytes.clone());
  }

  /** A copy of the bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrackerId other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Hex of the bytes. */
  @Override
  public String toString() {
    return Hex.encode(bytes);
  }
}
