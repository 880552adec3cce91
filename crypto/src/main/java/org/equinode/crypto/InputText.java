package org.equinode.crypto;

import java.util.Locale;

/**
 * Someone else's text, made safe to put in an error message: quoted, shortened, with control,
 * backslash and non-ASCII letters written as Java-style unicode escapes, so that a message never
 * carries more than a line of it. Quotes inside are left as they are: derivation paths are full of
 * them.
 */
final class InputText {
  /** The most letters of input a message quotes. */
  static final int MAX_QUOTED = 90;

  private InputText() {}

  /** {@code text} in single quotes, at most {@link #MAX_QUOTED} letters of it, escaped. */
  static String quote(String text) {
    int shown = Math.min(text.length(), MAX_QUOTED);
    StringBuilder out = new StringBuilder(shown + 8).append('\'');
    for (int i = 0; i < shown; i++) {
      char c = text.charAt(i);
      if (c >= ' ' && c <= '~' && c != '\\') {
        out.append(c);
      } else {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    if (shown < text.length()) {
      out.append("...");
    }
    return out.append('\'').toString();
  }

  /** One letter: printable ASCII in single quotes, anything else as its code, {@code U+0020}. */
  static String describe(char c) {
    if (c > ' ' && c <= '~') {
      return "'" + c + "'";
    }
    return String.format(Locale.ROOT, "U+%04X", (int) c);
  }
}
