package org.equinode.wallet;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import org.equinode.wallet.keys.StrictUtf8;

/**
 * The passphrase that encrypts a wallet file (not the BIP39 passphrase, which is part of the
 * secrets it protects). Encoded as UTF-8 after NFKD normalization, as BIP39 treats its passphrase,
 * so the same words typed on another system open the file. Never printed.
 */
public final class Passphrase {
  /** The longest passphrase, in UTF-16 units. */
  public static final int MAX_LENGTH = 1000;

  private final char[] chars;

  private Passphrase(char[] chars) {
    this.chars = chars;
  }

  /**
   * The passphrase {@code text}; the empty passphrase is allowed (the file is still encrypted, with
   * a key anyone can derive).
   *
   * @throws WalletException if it is longer than {@link #MAX_LENGTH} or has a lone surrogate
   */
  public static Passphrase of(String text) {
    if (text.length() > MAX_LENGTH) {
      throw new WalletException(
          "a wallet passphrase has at most " + MAX_LENGTH + " characters, got " + text.length());
    }
    if (!StrictUtf8.isWellFormed(text)) {
      throw new WalletException("a wallet passphrase is not well-formed Unicode");
    }
    return new Passphrase(text.toCharArray());
  }

  /** The passphrase in {@code chars} (copied; the caller may wipe its array). */
  public static Passphrase of(char[] chars) {
    return of(new String(chars));
  }

  /** True for the empty passphrase (the file's key is then one anyone can derive). */
  public boolean isEmpty() {
    return chars.length == 0;
  }

  /** The NFKD-normalized UTF-8 bytes: what the key derivation reads. The caller wipes them. */
  public byte[] toUtf8() {
    String normalized = Normalizer.normalize(CharBuffer.wrap(chars), Normalizer.Form.NFKD);
    return normalized.getBytes(StandardCharsets.UTF_8);
  }

  /** Overwrites the characters with zeros; do not use the passphrase afterwards. */
  public void wipe() {
    Arrays.fill(chars, '\0');
  }

  @Override
  public String toString() {
    return "Passphrase[hidden]";
  }
}
