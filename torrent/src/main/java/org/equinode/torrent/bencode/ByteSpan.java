package org.equinode.torrent.bencode;

import java.util.Arrays;

/** The bytes {@code [start, end)} of an input: where a value was found while decoding. */
public record ByteSpan(int start, int end) {
  public ByteSpan {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("not a byte span: [" + start + ", " + end + ")");
    }
  }

  /** The number of bytes. */
  public int length() {
    return end - start;
  }

  /** A copy of these bytes of {@code input}. */
  public byte[] copyOf(byte[] input) {
    if (end > input.length) {
      throw new IllegalArgumentException(
          "span [" + start + ", " + end + ") is outside " + input.length + " bytes");
    }
    return Arrays.copyOfRange(input, start, end);
  }
}
