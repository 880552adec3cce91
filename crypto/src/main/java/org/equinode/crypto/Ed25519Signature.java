package org.equinode.crypto;

import java.util.Arrays;
import org.equinode.common.Hex;

/** A 64-byte Ed25519 signature (R then S), as bytes; validity is decided only by verification. */
public final class Ed25519Signature {
  /** The length in bytes. */
  public static final int LENGTH = 64;

  private final byte[] bytes;

  private Ed25519Signature(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Wraps a copy of 64 bytes.
   *
   * @throws CryptoException if the array is not 64 bytes long
   */
  public static Ed25519Signature of(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new CryptoException("an Ed25519 signature is 64 bytes, got " + bytes.length);
    }
    return new Ed25519Signature(bytes.clone());
  }

  /** A copy of the bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** The bytes themselves, for verification inside this package without a copy. */
  byte[] bytes() {
    return bytes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ed25519Signature other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return Hex.encode(bytes);
  }
}
