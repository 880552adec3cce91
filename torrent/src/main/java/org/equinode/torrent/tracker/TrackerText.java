package org.equinode.torrent.tracker;

import java.nio.charset.StandardCharsets;

/**
 * Makes a tracker's own text (a failure reason, a warning) safe to show and log: bytes read as
 * UTF-8 with malformed sequences replaced, control characters replaced by {@code ?}, cut to {@link
 * #MAX_CODE_POINTS} code points. Applying it twice changes nothing.
 */
final class TrackerText {
  /** The most code points kept of a tracker's message. */
  static final int MAX_CODE_POINTS = 512;

  private TrackerText() {}

  /** The safe form of {@code bytes}. */
  static String of(byte[] bytes) {
    // new String(...) replaces malformed UTF-8 by U+FFFD and never throws.
    return of(new String(bytes, StandardCharsets.UTF_8));
  }

  /** The safe form of {@code text}. */
  static String of(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), 2 * MAX_CODE_POINTS));
    int kept = 0;
    for (int i = 0; i < text.length() && kept < MAX_CODE_POINTS; kept++) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isISOControl(c) || (c <= 0xffff && Character.isSurrogate((char) c))) {
        out.append('?');
      } else {
        out.appendCodePoint(c);
      }
    }
    return out.toString();
  }
}
