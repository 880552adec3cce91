package org.equinode.torrent.magnet;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of query values (RFC 3986, with {@code +} for a space as HTML forms write it).
 * Decoding is strict: a {@code %} must be followed by two hex digits, and the bytes must be
 * well-formed UTF-8.
 */
final class PercentEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentEncoding() {}

  /**
   * Decodes {@code value}.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  static String decode(String value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%') {
        int high = i + 1 < value.length() ? hexDigit(value.charAt(i + 1)) : -1;
        int low = i + 2 < value.length() ? hexDigit(value.charAt(i + 2)) : -1;
        if (high < 0 || low < 0) {
          throw new IllegalArgumentException(
              "bad percent escape '" + value.substring(i, Math.min(i + 3, value.length())) + "'");
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        bytes.writeBytes(value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException("a lone UTF-16 surrogate");
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("percent escapes that are not UTF-8", e);
    }
  }

  /**
   * Encodes {@code text}: ASCII letters, digits, {@code -._~} and the characters of {@code keep}
   * stay, every other UTF-8 byte becomes {@code %XX}.
   */
  static String encode(String text, String keep) {
    StringBuilder out = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~'
          || (c < 0x80 && keep.indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
