package org.equinode.common;

import java.util.Arrays;

/**
 * Writes a canonical binary encoding into a growing buffer with a hard maximum size, the mirror of
 * {@link ByteReader}. Not thread-safe.
 */
public final class ByteWriter {
  private static final int DEFAULT_INITIAL_CAPACITY = 64;

  private final int maxSize;
  private byte[] buffer;
  private int size;

  private ByteWriter(int initialCapacity, int maxSize) {
    this.maxSize = maxSize;
    this.buffer = new byte[Math.min(initialCapacity, maxSize)];
  }

  /**
   * A writer that refuses to grow past {@code maxSize} bytes.
   *
   * @throws IllegalArgumentException if the maximum is negative
   */
  public static ByteWriter withMaxSize(int maxSize) {
    if (maxSize < 0) {
      throw new IllegalArgumentException("negative maximum size " + maxSize);
    }
    return new ByteWriter(DEFAULT_INITIAL_CAPACITY, maxSize);
  }

  /** A writer bounded only by the largest Java array. */
  public static ByteWriter unbounded() {
    return new ByteWriter(DEFAULT_INITIAL_CAPACITY, Integer.MAX_VALUE - 8);
  }

  /** Bytes written so far. */
  public int size() {
    return size;
  }

  private void ensure(int extra) {
    if (extra > maxSize - size) {
      throw new IllegalStateException(
          "encoding exceeds its maximum of " + maxSize + " bytes (" + size + " + " + extra + ")");
    }
    int needed = size + extra;
    if (needed > buffer.length) {
      int grown = (int) Math.min((long) maxSize, Math.max((long) buffer.length * 2, needed));
      buffer = Arrays.copyOf(buffer, grown);
    }
  }

  public ByteWriter writeU8(int value) {
    checkRange(value, 0xff, "8-bit");
    ensure(1);
    buffer[size++] = (byte) value;
    return this;
  }

  public ByteWriter writeBoolean(boolean value) {
    return writeU8(value ? 1 : 0);
  }

  public ByteWriter writeU16BE(int value) {
    checkRange(value, 0xffff, "16-bit");
    ensure(2);
    buffer[size++] = (byte) (value >>> 8);
    buffer[size++] = (byte) value;
    return this;
  }

  public ByteWriter writeU16LE(int value) {
    checkRange(value, 0xffff, "16-bit");
    ensure(2);
    buffer[size++] = (byte) value;
    buffer[size++] = (byte) (value >>> 8);
    return this;
  }

  public ByteWriter writeInt32BE(int value) {
    ensure(4);
    for (int shift = 24; shift >= 0; shift -= 8) {
      buffer[size++] = (byte) (value >>> shift);
    }
    return this;
  }

  public ByteWriter writeInt32LE(int value) {
    ensure(4);
    for (int shift = 0; shift < 32; shift += 8) {
      buffer[size++] = (byte) (value >>> shift);
    }
    return this;
  }

  public ByteWriter writeInt64BE(long value) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buffer[size++] = (byte) (value >>> shift);
    }
    return this;
  }

  public ByteWriter writeInt64LE(long value) {
    ensure(8);
    for (int shift = 0; shift < 64; shift += 8) {
      buffer[size++] = (byte) (value >>> shift);
    }
    return this;
  }

  /** The shortest CompactSize encoding of a non-negative value. */
  public ByteWriter writeCompactSize(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("CompactSize of a negative value " + value);
    }
    if (value < 0xfd) {
      return writeU8((int) value);
    } else if (value <= 0xffff) {
      return writeU8(0xfd).writeU16LE((int) value);
    } else if (value <= 0xffff_ffffL) {
      return writeU8(0xfe).writeInt32LE((int) value);
    } else {
      return writeU8(0xff).writeInt64LE(value);
    }
  }

  public ByteWriter writeBytes(byte[] bytes) {
    return writeBytes(bytes, 0, bytes.length);
  }

  public ByteWriter writeBytes(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, buffer, size, length);
    size += length;
    return this;
  }

  /** A CompactSize length, then the bytes. */
  public ByteWriter writeVarBytes(byte[] bytes) {
    return writeCompactSize(bytes.length).writeBytes(bytes);
  }

  /** A copy of what was written. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }

  private static void checkRange(int value, int max, String kind) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(value + " does not fit an unsigned " + kind + " integer");
    }
  }
}
