package org.equinode.common;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * An immutable 32-byte value: a SHA-256 digest, a public key, a lock hash. Typed ids (a transaction
 * id, a block hash) wrap one of these so that they cannot be confused.
 */
public final class Hash32 implements Comparable<Hash32> {
  /** The length in bytes. */
  public static final int LENGTH = 32;

  /** All zero bytes: the "no previous block" hash, for instance. */
  public static final Hash32 ZERO = new Hash32(new byte[LENGTH]);

  private final byte[] bytes;

  private Hash32(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Wraps a copy of exactly 32 bytes.
   *
   * @throws IllegalArgumentException if the array is not 32 bytes long
   */
  public static Hash32 of(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a hash is 32 bytes, got " + bytes.length);
    }
    return new Hash32(bytes.clone());
  }

  /** Parses 64 hex digits. */
  public static Hash32 parse(String hex) {
    if (hex.length() != 2 * LENGTH) {
      throw new IllegalArgumentException("a hash is 64 hex digits, got " + hex.length());
    }
    return new Hash32(Hex.decode(hex));
  }

  /** Reads 32 bytes. */
  public static Hash32 read(ByteReader reader) {
    return new Hash32(reader.readBytes(LENGTH));
  }

  /** Writes the 32 bytes. */
  public void write(ByteWriter writer) {
    writer.writeBytes(bytes);
  }

  /** A copy of the bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** One byte, without copying the array. */
  public byte byteAt(int index) {
    return bytes[index];
  }

  /** Compares in constant time for equal-length values, for secrets and MACs. */
  public boolean constantTimeEquals(Hash32 other) {
    return MessageDigest.isEqual(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hash32 other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    // The bytes are already uniformly distributed for digests; mix all of them anyway.
    return Arrays.hashCode(bytes);
  }

  /** Unsigned lexicographic order of the bytes. */
  @Override
  public int compareTo(Hash32 other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public String toString() {
    return Hex.encode(bytes);
  }
}
