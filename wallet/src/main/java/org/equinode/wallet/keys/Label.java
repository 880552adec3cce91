package org.equinode.wallet.keys;

import java.nio.charset.StandardCharsets;
import org.equinode.common.ByteReader;
import org.equinode.common.ByteWriter;
import org.equinode.common.MalformedException;
import org.equinode.wallet.WalletException;

/**
 * A name the user gives an address or a contract: 1 to {@link #MAX_LENGTH} characters of
 * well-formed Unicode without control characters, so that it prints on one line.
 *
 * @param text the label
 */
public record Label(String text) {
  /** The longest label, in UTF-16 units. */
  public static final int MAX_LENGTH = 100;

  /** The longest encoded label: three UTF-8 bytes per UTF-16 unit at most. */
  public static final int MAX_ENCODED_LENGTH = 3 * MAX_LENGTH;

  public Label {
    if (text.isEmpty() || text.length() > MAX_LENGTH) {
      throw new WalletException(
          "a label has 1 to " + MAX_LENGTH + " characters, got " + text.length());
    }
    if (!StrictUtf8.isWellFormed(text)) {
      throw new WalletException("a label is not well-formed Unicode (a lone surrogate)");
    }
    if (text.chars().anyMatch(Character::isISOControl)) {
      throw new WalletException("a label has a control character");
    }
  }

  /** Writes the UTF-8 bytes with a CompactSize length. */
  public void write(ByteWriter writer) {
    writer.writeVarBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a label written by {@link #write}. */
  public static Label read(ByteReader reader) {
    String text = StrictUtf8.decode(reader.readVarBytes(MAX_ENCODED_LENGTH, "label"), "a label");
    try {
      return new Label(text);
    } catch (WalletException e) {
      throw new MalformedException(String.valueOf(e.getMessage()));
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
