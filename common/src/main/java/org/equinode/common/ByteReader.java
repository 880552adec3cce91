package org.equinode.common;

/**
 * Reads a canonical binary encoding from a byte array, strictly and within bounds.
 *
 * <p>Every read checks the remaining length first; a length read from the input is compared with a
 * caller-supplied maximum before anything is allocated. Variable-length integers are Bitcoin's
 * CompactSize and must be minimal. {@link #expectEnd(String)} rejects trailing bytes. Running out
 * of input throws {@link TruncatedException}; a rule broken throws {@link MalformedException}.
 *
 * <p>Not thread-safe: one reader per decode.
 */
public final class ByteReader {
  private final byte[] buffer;
  private final int limit;
  private int position;

  private ByteReader(byte[] buffer, int offset, int limit) {
    this.buffer = buffer;
    this.position = offset;
    this.limit = limit;
  }

  /** A reader over the whole array. The array is not copied and must not change while read. */
  public static ByteReader of(byte[] bytes) {
    return new ByteReader(bytes, 0, bytes.length);
  }

  /** A reader over {@code length} bytes of {@code bytes} starting at {@code offset}. */
  public static ByteReader of(byte[] bytes, int offset, int length) {
    if (offset < 0 || length < 0 || offset > bytes.length - length) {
      throw new IndexOutOfBoundsException(
          "range " + offset + "+" + length + " outside array of " + bytes.length);
    }
    return new ByteReader(bytes, offset, offset + length);
  }

  /** Bytes not yet read. */
  public int remaining() {
    return limit - position;
  }

  /** The number of bytes read so far from the start of the range. */
  public int position() {
    return position;
  }

  /** True when every byte has been read. */
  public boolean isExhausted() {
    return position == limit;
  }

  /**
   * Ends a decode: throws if any byte is left over.
   *
   * @param what the thing decoded, for the error message
   */
  public void expectEnd(String what) {
    if (position != limit) {
      throw new MalformedException(remaining() + " trailing bytes after " + what);
    }
  }

  private void require(int count, String what) {
    if (count > limit - position) {
      throw new TruncatedException(
          "need " + count + " bytes for " + what + ", only " + remaining() + " left");
    }
  }

  public int readU8() {
    require(1, "a byte");
    return buffer[position++] & 0xff;
  }

  /** A boolean encoded as exactly 0 or 1. */
  public boolean readBoolean() {
    int value = readU8();
    if (value > 1) {
      throw new MalformedException("a boolean must be 0 or 1, got " + value);
    }
    return value == 1;
  }

  public int readU16BE() {
    require(2, "a 16-bit integer");
    int value = ((buffer[position] & 0xff) << 8) | (buffer[position + 1] & 0xff);
    position += 2;
    return value;
  }

  public int readU16LE() {
    require(2, "a 16-bit integer");
    int value = (buffer[position] & 0xff) | ((buffer[position + 1] & 0xff) << 8);
    position += 2;
    return value;
  }

  /** A 32-bit big-endian integer, as Java's (possibly negative) int. */
  public int readInt32BE() {
    require(4, "a 32-bit integer");
    int value = 0;
    for (int i = 0; i < 4; i++) {
      value = (value << 8) | (buffer[position + i] & 0xff);
    }
    position += 4;
    return value;
  }

  /** A 32-bit little-endian integer, as Java's (possibly negative) int. */
  public int readInt32LE() {
    require(4, "a 32-bit integer");
    int value = 0;
    for (int i = 3; i >= 0; i--) {
      value = (value << 8) | (buffer[position + i] & 0xff);
    }
    position += 4;
    return value;
  }

  /** An unsigned 32-bit little-endian integer. */
  public long readU32LE() {
    return readInt32LE() & 0xffff_ffffL;
  }

  /** An unsigned 32-bit big-endian integer. */
  public long readU32BE() {
    return readInt32BE() & 0xffff_ffffL;
  }

  /** A 64-bit big-endian integer. */
  public long readInt64BE() {
    require(8, "a 64-bit integer");
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (buffer[position + i] & 0xff);
    }
    position += 8;
    return value;
  }

  /** A 64-bit little-endian integer. */
  public long readInt64LE() {
    require(8, "a 64-bit integer");
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = (value << 8) | (buffer[position + i] & 0xff);
    }
    position += 8;
    return value;
  }

  /**
   * A CompactSize integer (1, 3, 5 or 9 bytes), which must use its shortest form.
   *
   * @return the value, as an unsigned quantity in a long (values above 2^63-1 are rejected)
   */
  public long readCompactSize() {
    int first = readU8();
    if (first < 0xfd) {
      return first;
    }
    long value;
    long minimum;
    switch (first) {
      case 0xfd -> {
        value = readU16LE();
        minimum = 0xfd;
      }
      case 0xfe -> {
        value = readU32LE();
        minimum = 0x1_0000L;
      }
      default -> {
        value = readInt64LE();
        minimum = 0x1_0000_0000L;
        if (value < 0) {
          throw new MalformedException("CompactSize value above 2^63-1");
        }
      }
    }
    if (value < minimum) {
      throw new MalformedException("non-minimal CompactSize encoding of " + value);
    }
    return value;
  }

  /**
   * A CompactSize count checked against a named maximum before the caller allocates anything.
   *
   * @param max the largest acceptable count
   * @param what what is counted, for the error message
   */
  public int readCount(int max, String what) {
    long count = readCompactSize();
    if (count > max) {
      throw new MalformedException(what + " count " + count + " exceeds the maximum " + max);
    }
    return (int) count;
  }

  /** Exactly {@code count} bytes, copied. */
  public byte[] readBytes(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("negative byte count " + count);
    }
    require(count, count + " bytes");
    byte[] out = new byte[count];
    System.arraycopy(buffer, position, out, 0, count);
    position += count;
    return out;
  }

  /** A CompactSize length followed by that many bytes, the length at most {@code max}. */
  public byte[] readVarBytes(int max, String what) {
    int length = readCount(max, what + " length");
    return readBytes(length);
  }

  /** Skips {@code count} bytes. */
  public void skip(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("negative skip " + count);
    }
    require(count, "skipping");
    position += count;
  }
}
