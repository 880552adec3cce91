package org.equinode.common;

/** Lower-case hexadecimal text for bytes, strict when parsing. */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /** Encodes bytes as lower-case hex. */
  public static String encode(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
    }
    return new String(out);
  }

  /**
   * Decodes hex text of either case: ASCII digits and letters only.
   *
   * @throws IllegalArgumentException if the length is odd or a character is not a hex digit
   */
  public static byte[] decode(String hex) {
    if (hex.length() % 2 != 0) {
      throw new IllegalArgumentException("hex text has an odd length: " + hex.length());
    }
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) ((digit(hex, 2 * i) << 4) | digit(hex, 2 * i + 1));
    }
    return out;
  }

  private static int digit(String hex, int index) {
    char c = hex.charAt(index);
    int value;
    if (c >= '0' && c <= '9') {
      value = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      value = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      value = c - 'A' + 10;
    } else {
      value = -1;
    }
    if (value < 0) {
      throw new IllegalArgumentException(
          "not a hex digit at position " + index + ": '" + hex.charAt(index) + "'");
    }
    return value;
  }
}
