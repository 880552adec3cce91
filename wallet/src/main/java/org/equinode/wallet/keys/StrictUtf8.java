package org.equinode.wallet.keys;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.equinode.common.MalformedException;

/** UTF-8 decoding that refuses malformed bytes instead of replacing them, for canonical codecs. */
public final class StrictUtf8 {
  private StrictUtf8() {}

  /**
   * The text these bytes encode.
   *
   * @param what what the text is, for the error message
   * @throws MalformedException if the bytes are not well-formed UTF-8
   */
  public static String decode(byte[] bytes, String what) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedException(what + " is not well-formed UTF-8");
    }
  }

  /** True when {@code text} has no lone surrogate, so that it encodes to UTF-8 and back. */
  public static boolean isWellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
