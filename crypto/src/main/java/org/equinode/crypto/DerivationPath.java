package org.equinode.crypto;

import java.util.ArrayList;
import java.util.List;

/**
 * A path of hardened child numbers from a SLIP-0010 master key, written {@code m/44'/17745'/0'}.
 *
 * <p>SLIP-0010 derives only hardened children for Ed25519, so every level here is hardened: a level
 * holds the child number 0 to 2^31 - 1, and derivation adds 2^31. The text form is strict: {@code
 * m}, then for each level {@code /}, a decimal number without sign or leading zero, and a hardened
 * mark ({@code '} or {@code h}). A level without its mark is refused rather than silently hardened,
 * since the same text means a different key in BIP-32 wallets.
 *
 * <p>Equinode's standard path is {@code m/44'/17745'/account'/0'/index'} ({@link #standard}): the
 * BIP-44 levels, all hardened as Ed25519 requires. 17745 (0x4551, "EQ" in ASCII) is Equinode's coin
 * type; it is <em>not</em> registered in SLIP-0044, and was picked as a number the SLIP-0044 table
 * leaves unassigned (5353, which first came to mind, is Handshake's).
 *
 * @param levels the child numbers, each 0 to 2^31 - 1, at most {@link #MAX_DEPTH} of them
 */
public record DerivationPath(List<Integer> levels) {
  /** The deepest path: BIP-32 keeps the depth in one byte. */
  public static final int MAX_DEPTH = 255;

  /** The largest child number; derivation uses it plus 2^31. */
  public static final int MAX_CHILD = Integer.MAX_VALUE;

  /** The BIP-44 purpose level. */
  public static final int PURPOSE = 44;

  /** Equinode's coin type in the standard path. Not registered in SLIP-0044 (see above). */
  public static final int COIN_TYPE = 17745;

  /** The longest accepted text: "m" and MAX_DEPTH levels of "/2147483647'". */
  public static final int MAX_TEXT_LENGTH = 1 + MAX_DEPTH * 12;

  /** The master key itself. */
  public static final DerivationPath MASTER = new DerivationPath(List.of());

  public DerivationPath {
    if (levels.size() > MAX_DEPTH) {
      throw new CryptoException(
          "a derivation path has at most " + MAX_DEPTH + " levels, got " + levels.size());
    }
    for (int level : levels) {
      if (level < 0) {
        throw new CryptoException(
            "a child number is 0 to " + MAX_CHILD + " (hardened is implied), got " + level);
      }
    }
    levels = List.copyOf(levels);
  }

  /** Equinode's standard path {@code m/44'/17745'/account'/0'/index'}. */
  public static DerivationPath standard(int account, int index) {
    return new DerivationPath(List.of(PURPOSE, COIN_TYPE, account, 0, index));
  }

  /**
   * Parses text such as {@code m/44'/17745'/0'/0'/0'}.
   *
   * @throws CryptoException naming the bad segment (1-based, {@code m} not counted) and what is
   *     wrong with it: empty, not a number, a leading zero, too large, or not hardened
   */
  public static DerivationPath parse(String text) {
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new CryptoException(
          "a derivation path has at most " + MAX_TEXT_LENGTH + " characters, got " + text.length());
    }
    if (!text.startsWith("m")) {
      throw new CryptoException(
          "derivation path " + InputText.quote(text) + " does not start with 'm'");
    }
    if (text.length() == 1) {
      return MASTER;
    }
    if (text.charAt(1) != '/') {
      throw new CryptoException(
          "derivation path " + InputText.quote(text) + " must continue 'm/' after the 'm'");
    }
    List<Integer> levels = new ArrayList<>();
    int start = 2;
    while (true) {
      int end = text.indexOf('/', start);
      String segment = text.substring(start, end < 0 ? text.length() : end);
      if (levels.size() == MAX_DEPTH) {
        throw new CryptoException(
            "derivation path "
                + InputText.quote(text)
                + " is deeper than "
                + MAX_DEPTH
                + " levels");
      }
      levels.add(level(text, levels.size() + 1, segment));
      if (end < 0) {
        return new DerivationPath(levels);
      }
      start = end + 1;
    }
  }

  private static int level(String text, int number, String segment) {
    String where =
        "segment " + number + " " + InputText.quote(segment) + " of " + InputText.quote(text);
    if (segment.isEmpty()) {
      throw new CryptoException(where + " is empty");
    }
    char last = segment.charAt(segment.length() - 1);
    boolean hardened = last == '\'' || last == 'h';
    String digits = hardened ? segment.substring(0, segment.length() - 1) : segment;
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new CryptoException(where + " is not a child number (digits, then ' or h)");
    }
    if (digits.length() > 1 && digits.charAt(0) == '0') {
      throw new CryptoException(where + " has a leading zero");
    }
    if (digits.length() > 10 || Long.parseLong(digits) > MAX_CHILD) {
      throw new CryptoException(where + " is larger than " + MAX_CHILD);
    }
    if (!hardened) {
      throw new CryptoException(
          where
              + " is not hardened; SLIP-0010 Ed25519 derives hardened children only (write "
              + digits
              + "')");
    }
    return Integer.parseInt(digits);
  }

  /** The number of levels. */
  public int depth() {
    return levels.size();
  }

  /** This path with one more level. */
  public DerivationPath child(int number) {
    List<Integer> longer = new ArrayList<>(levels);
    longer.add(number);
    return new DerivationPath(longer);
  }

  /** The text form, with {@code '} marks: {@code m/44'/17745'/0'/0'/0'}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("m");
    for (int level : levels) {
      out.append('/').append(level).append('\'');
    }
    return out.toString();
  }
}
