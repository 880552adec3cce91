package org.equinode.crypto;

import java.util.Arrays;
import java.util.Locale;

/**
 * Bech32m text (BIP-350): a human-readable prefix, the separator {@code 1}, data in a 32-letter
 * alphabet and a 6-letter checksum that detects any one wrong letter (and up to four).
 *
 * <p>Decoding is strict: the whole text must be in one case, the prefix must be printable ASCII (33
 * to 126), every data letter must be in the alphabet, and the checksum must be a bech32m one. Text
 * with a valid plain bech32 (BIP-173) checksum is refused with a message that says so, since the
 * two checksums are easy to confuse and only bech32m is accepted here. Positions in messages count
 * letters from 1.
 *
 * <p>The data is handled as 5-bit groups (values 0 to 31); {@link #toGroups} and {@link
 * #fromGroups} convert bytes to groups and back, as BIP-173 describes.
 */
public final class Bech32m {
  /**
   * The longest accepted text, as in BIP-173. An Equinode address uses at most 3 + 1 + 53 + 6 = 63
   * letters, so the BIP's limit leaves room and keeps the checksum's guarantees (it detects any 4
   * errors up to 89 letters besides the separator).
   */
  public static final int MAX_LENGTH = 90;

  /** The number of checksum letters at the end. */
  public static final int CHECKSUM_LENGTH = 6;

  /** The separator between prefix and data: the last {@code '1'} in the text. */
  public static final char SEPARATOR = '1';

  /** The longest prefix that still leaves room for the separator and the checksum. */
  public static final int MAX_PREFIX_LENGTH = MAX_LENGTH - 1 - CHECKSUM_LENGTH;

  private static final String ALPHABET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final int BECH32M_CONSTANT = 0x2bc830a3;
  private static final int BECH32_CONSTANT = 1;
  private static final int[] GENERATOR = {
    0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3
  };
  private static final int MIN_PREFIX_CHAR = 33;
  private static final int MAX_PREFIX_CHAR = 126;
  private static final int GROUP_BITS = 5;
  private static final int GROUP_MASK = 31;

  /** The value of each ASCII letter in the alphabet, or -1. */
  private static final byte[] VALUES = new byte[128];

  static {
    Arrays.fill(VALUES, (byte) -1);
    for (int i = 0; i < ALPHABET.length(); i++) {
      VALUES[ALPHABET.charAt(i)] = (byte) i;
    }
  }

  private Bech32m() {}

  /** Decoded bech32m text: the prefix in lower case and the data as 5-bit groups. */
  public static final class Decoded {
    private final String prefix;
    private final byte[] groups;

    private Decoded(String prefix, byte[] groups) {
      this.prefix = prefix;
      this.groups = groups;
    }

    /** The human-readable prefix, in lower case. */
    public String prefix() {
      return prefix;
    }

    /** A copy of the data groups (each 0 to 31), without the checksum. */
    public byte[] groups() {
      return groups.clone();
    }

    /** The number of data groups. */
    public int groupCount() {
      return groups.length;
    }

    @Override
    public String toString() {
      return "Bech32m.Decoded[" + prefix + ", " + groups.length + " groups]";
    }
  }

  /**
   * Encodes a prefix and 5-bit groups as lower-case bech32m text.
   *
   * @throws CryptoException if the prefix is empty, has letters outside 33 to 126 or upper-case
   *     letters, a group is not in 0 to 31, or the text would be longer than {@link #MAX_LENGTH}
   */
  public static String encode(String prefix, byte[] groups) {
    checkPrefixForEncoding(prefix);
    int length = prefix.length() + 1 + groups.length + CHECKSUM_LENGTH;
    if (length > MAX_LENGTH) {
      throw new CryptoException(
          "bech32m text would be " + length + " letters long, at most " + MAX_LENGTH + " allowed");
    }
    for (int i = 0; i < groups.length; i++) {
      if ((groups[i] & ~GROUP_MASK) != 0) {
        throw new CryptoException(
            "bech32m data group " + i + " is " + groups[i] + ", not in 0 to " + GROUP_MASK);
      }
    }
    int checksum = checksum(prefix, groups, new byte[CHECKSUM_LENGTH]) ^ BECH32M_CONSTANT;
    StringBuilder out = new StringBuilder(length);
    out.append(prefix).append(SEPARATOR);
    for (byte group : groups) {
      out.append(ALPHABET.charAt(group));
    }
    for (int i = 0; i < CHECKSUM_LENGTH; i++) {
      out.append(
          ALPHABET.charAt((checksum >>> (GROUP_BITS * (CHECKSUM_LENGTH - 1 - i))) & GROUP_MASK));
    }
    return out.toString();
  }

  /**
   * Decodes bech32m text of either case (but not both).
   *
   * @throws CryptoException naming what is wrong: length, a letter and its position, mixed case, a
   *     missing separator, an empty prefix, a short checksum, or a bad or plain-bech32 checksum
   */
  public static Decoded decode(String text) {
    if (text.length() > MAX_LENGTH) {
      throw new CryptoException(
          "bech32m text "
              + InputText.quote(text)
              + " is "
              + text.length()
              + " letters long, at most "
              + MAX_LENGTH
              + " allowed");
    }
    boolean hasLower = false;
    boolean hasUpper = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < MIN_PREFIX_CHAR || c > MAX_PREFIX_CHAR) {
        throw new CryptoException(
            "letter "
                + InputText.describe(c)
                + " at position "
                + (i + 1)
                + " of "
                + InputText.quote(text)
                + " is not allowed in bech32m text");
      }
      hasLower |= c >= 'a' && c <= 'z';
      hasUpper |= c >= 'A' && c <= 'Z';
    }
    if (hasLower && hasUpper) {
      throw new CryptoException(
          "bech32m text " + InputText.quote(text) + " mixes upper and lower case");
    }
    String lower = text.toLowerCase(Locale.ROOT);
    int separator = lower.lastIndexOf(SEPARATOR);
    if (separator < 0) {
      throw new CryptoException("bech32m text " + InputText.quote(text) + " has no separator '1'");
    }
    if (separator == 0) {
      throw new CryptoException("bech32m text " + InputText.quote(text) + " has an empty prefix");
    }
    int dataLength = lower.length() - separator - 1;
    if (dataLength < CHECKSUM_LENGTH) {
      throw new CryptoException(
          "bech32m text "
              + InputText.quote(text)
              + " has "
              + dataLength
              + " letters after the separator, fewer than the "
              + CHECKSUM_LENGTH
              + " of a checksum");
    }
    byte[] values = new byte[dataLength];
    for (int i = 0; i < dataLength; i++) {
      int position = separator + 1 + i;
      char c = lower.charAt(position);
      byte value = VALUES[c];
      if (value < 0) {
        throw new CryptoException(
            "letter "
                + InputText.describe(text.charAt(position))
                + " at position "
                + (position + 1)
                + " of "
                + InputText.quote(text)
                + " is not in the bech32m alphabet");
      }
      values[i] = value;
    }
    String prefix = lower.substring(0, separator);
    int residue = checksum(prefix, values, new byte[0]);
    if (residue == BECH32_CONSTANT) {
      throw new CryptoException(
          "bech32m text "
              + InputText.quote(text)
              + " has a bech32 (BIP-173) checksum, not a bech32m one");
    }
    if (residue != BECH32M_CONSTANT) {
      throw new CryptoException("bad bech32m checksum in " + InputText.quote(text));
    }
    return new Decoded(prefix, Arrays.copyOf(values, dataLength - CHECKSUM_LENGTH));
  }

  /**
   * Regroups bytes into 5-bit groups, most significant bits first; the last group is padded with
   * zero bits.
   */
  public static byte[] toGroups(byte[] bytes) {
    byte[] out = new byte[(bytes.length * 8 + GROUP_BITS - 1) / GROUP_BITS];
    int accumulator = 0;
    int bits = 0;
    int next = 0;
    for (byte b : bytes) {
      accumulator = (accumulator << 8) | (b & 0xff);
      bits += 8;
      while (bits >= GROUP_BITS) {
        bits -= GROUP_BITS;
        out[next++] = (byte) ((accumulator >>> bits) & GROUP_MASK);
      }
    }
    if (bits > 0) {
      out[next] = (byte) ((accumulator << (GROUP_BITS - bits)) & GROUP_MASK);
    }
    return out;
  }

  /**
   * Regroups 5-bit groups into bytes, the inverse of {@link #toGroups}.
   *
   * @throws CryptoException if a group is not in 0 to 31, or the padding is 5 bits or more or not
   *     all zero (then the groups are not the encoding of any bytes)
   */
  public static byte[] fromGroups(byte[] groups) {
    long totalBits = (long) groups.length * GROUP_BITS;
    byte[] out = new byte[(int) (totalBits / 8)];
    int accumulator = 0;
    int bits = 0;
    int next = 0;
    for (byte group : groups) {
      if ((group & ~GROUP_MASK) != 0) {
        throw new CryptoException("a 5-bit group is " + group + ", not in 0 to " + GROUP_MASK);
      }
      accumulator = ((accumulator << GROUP_BITS) | group) & 0xfff;
      bits += GROUP_BITS;
      if (bits >= 8) {
        bits -= 8;
        out[next++] = (byte) (accumulator >>> bits);
      }
    }
    if (bits >= GROUP_BITS) {
      throw new CryptoException(bits + " bits of padding, a whole 5-bit group too many");
    }
    if ((accumulator & ((1 << bits) - 1)) != 0) {
      throw new CryptoException("the " + bits + " padding bits are not zero");
    }
    return out;
  }

  /**
   * The BCH checksum polynomial over the expanded prefix, {@code groups} and {@code tail}. Decoding
   * passes the checksum within {@code groups} and an empty tail; encoding passes six zero groups.
   */
  private static int checksum(String prefix, byte[] groups, byte[] tail) {
    int chk = 1;
    for (int i = 0; i < prefix.length(); i++) {
      chk = step(chk, prefix.charAt(i) >>> GROUP_BITS);
    }
    chk = step(chk, 0);
    for (int i = 0; i < prefix.length(); i++) {
      chk = step(chk, prefix.charAt(i) & GROUP_MASK);
    }
    for (byte group : groups) {
      chk = step(chk, group);
    }
    for (byte group : tail) {
      chk = step(chk, group);
    }
    return chk;
  }

  private static int step(int chk, int value) {
    int top = chk >>> 25;
    int next = ((chk & 0x1ffffff) << GROUP_BITS) ^ value;
    for (int i = 0; i < GENERATOR.length; i++) {
      if (((top >>> i) & 1) != 0) {
        next ^= GENERATOR[i];
      }
    }
    return next;
  }

  private static void checkPrefixForEncoding(String prefix) {
    if (prefix.isEmpty()) {
      throw new CryptoException("a bech32m prefix must not be empty");
    }
    if (prefix.length() > MAX_PREFIX_LENGTH) {
      throw new CryptoException(
          "a bech32m prefix has at most " + MAX_PREFIX_LENGTH + " letters, got " + prefix.length());
    }
    for (int i = 0; i < prefix.length(); i++) {
      char c = prefix.charAt(i);
      if (c < MIN_PREFIX_CHAR || c > MAX_PREFIX_CHAR || (c >= 'A' && c <= 'Z')) {
        throw new CryptoException(
            "letter "
                + InputText.describe(c)
                + " at position "
                + (i + 1)
                + " is not allowed in a bech32m prefix (printable ASCII, lower case)");
      }
    }
  }
}
