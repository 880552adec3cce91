package org.equinode.torrent.metainfo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.equinode.common.Hex;

/**
 * A BitTorrent v1 info-hash: the SHA-1 of the bencoded info dictionary exactly as it appears in the
 * {@code .torrent} file. Immutable; ordered by unsigned bytes. Text forms: 40 hex digits (what
 * {@link #toString()} and {@link #toUrn()} use) or 32 base32 characters (RFC 4648, no padding), as
 * found in older magnet links.
 */
public final class InfoHash implements Comparable<InfoHash> {
  /** The length in bytes. */
  public static final int LENGTH = 20;

  /** The length of the hex form. */
  public static final int HEX_LENGTH = 2 * LENGTH;

  /** The length of the base32 form: 160 bits in 5-bit characters. */
  public static final int BASE32_LENGTH = LENGTH * 8 / 5;

  private static final String BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final String URN_PREFIX = "urn:btih:";

  private final byte[] bytes;

  private InfoHash(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Wraps a copy of exactly 20 bytes.
   *
   * @throws IllegalArgumentException if the array is not 20 bytes long
   */
  public static InfoHash of(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("an info-hash is 20 bytes, got " + bytes.length);
    }
    return new InfoHash(bytes.clone());
  }

  /** The SHA-1 of {@code infoBytes}, the raw bencoded info dictionary. */
  public static InfoHash ofInfoBytes(byte[] infoBytes) {
    return new InfoHash(sha1().digest(infoBytes));
  }

  /**
   * Parses 40 hex digits or 32 base32 characters, either case.
   *
   * @throws IllegalArgumentException if the text is neither
   */
  public static InfoHash parse(String text) {
    if (text.length() == HEX_LENGTH) {
      return new InfoHash(hex(text));
    }
    if (text.length() == BASE32_LENGTH) {
      return new InfoHash(base32(text));
    }
    throw new IllegalArgumentException(
        "an info-hash is 40 hex digits or 32 base32 characters, got " + text.length());
  }

  private static byte[] hex(String text) {
    // Only ASCII digits: Hex.decode alone would take any Unicode digit (Character.digit).
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        throw new IllegalArgumentException("not a hex digit at position " + i + ": '" + c + "'");
      }
    }
    return Hex.decode(text);
  }

  private static byte[] base32(String text) {
    byte[] out = new byte[LENGTH];
    long buffer = 0;
    int bits = 0;
    int written = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // ASCII only: Character.toUpperCase would turn a dotless i into 'I'.
      int value = BASE32_ALPHABET.indexOf(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
      if (value < 0) {
        throw new IllegalArgumentException(
            "not a base32 character at position " + i + ": '" + text.charAt(i) + "'");
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        out[written++] = (byte) (buffer >>> bits);
      }
    }
    return out; // 32 characters are exactly 160 bits: nothing is left over.
  }

  /** A new SHA-1 digest; every JDK has one. */
  static MessageDigest sha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no SHA-1", e);
    }
  }

  /** A copy of the 20 bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** 40 lower-case hex digits. */
  public String hex() {
    return Hex.encode(bytes);
  }

  /** 32 upper-case base32 characters. */
  public String base32() {
    StringBuilder out = new StringBuilder(BASE32_LENGTH);
    long buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        out.append(BASE32_ALPHABET.charAt((int) (buffer >>> bits) & 0x1f));
      }
    }
    return out.toString();
  }

  /** {@code urn:btih:} and the hex form, as a magnet link's {@code xt} carries it. */
  public String toUrn() {
    return URN_PREFIX + hex();
  }

  /** Parses {@code urn:btih:<hex or base32>}, the prefix in either case. */
  public static InfoHash parseUrn(String urn) {
    if (!startsWithIgnoringAsciiCase(urn, URN_PREFIX)) {
      throw new IllegalArgumentException("not a BitTorrent v1 URN (urn:btih:...)");
    }
    return parse(urn.substring(URN_PREFIX.length()));
  }

  /** Whether {@code text} starts with the lower-case ASCII {@code prefix}, ignoring ASCII case. */
  static boolean startsWithIgnoringAsciiCase(String text, String prefix) {
    if (text.length() < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      char c = text.charAt(i);
      char lower = c >= 'A' && c <= 'Z' ? (char) (c - 'A' + 'a') : c;
      if (lower != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InfoHash other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(InfoHash other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  /** The hex form. */
  @Override
  public String toString() {
    return hex();
  }
}
