package org.equinode.torrent.bencode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.equinode.common.Hex;

/**
 * A bencoded byte string ({@code 4:spam}). Immutable: the array is copied in and out. Ordered by
 * unsigned byte comparison, the order bencoding prescribes for dictionary keys.
 */
@SuppressWarnings("ArrayRecordComponent") // copied in and out; equals and hashCode use the content
public record BBytes(byte[] bytes) implements BValue, Comparable<BBytes> {
  /** Bytes at most this long are shown as text by {@link #toString()}, longer ones are cut. */
  private static final int MAX_SHOWN = 64;

  public BBytes {
    bytes = bytes.clone();
  }

  /** A copy of the given bytes. */
  public static BBytes of(byte[] bytes) {
    return new BBytes(bytes);
  }

  /** The UTF-8 encoding of {@code text}. */
  public static BBytes of(String text) {
    return new BBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A copy of the bytes. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The number of bytes. */
  public int length() {
    return bytes.length;
  }

  /** The bytes as text if they are well-formed UTF-8, empty otherwise. */
  public Optional<String> utf8() {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  @Override
  public int compareTo(BBytes other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BBytes other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Printable ASCII as text in quotes, anything else as hex; long values are cut short. */
  @Override
  public String toString() {
    byte[] shown = bytes.length <= MAX_SHOWN ? bytes : Arrays.copyOf(bytes, MAX_SHOWN);
    String more = bytes.length <= MAX_SHOWN ? "" : "...(" + bytes.length + " bytes)";
    for (byte b : shown) {
      if (b < 0x20 || b > 0x7e) {
        return "0x" + Hex.encode(shown) + more;
      }
    }
    return "'" + new String(shown, StandardCharsets.US_ASCII) + "'" + more;
  }

  /** Package-private access to the array without a copy, for the encoder and decoder. */
  byte[] unsafeArray() {
    return bytes;
  }
}
