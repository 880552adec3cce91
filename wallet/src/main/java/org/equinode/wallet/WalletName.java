package org.equinode.wallet;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The name of a wallet, which is also its file name ({@code <name>.wallet}): 1 to {@link
 * #MAX_LENGTH} lower-case ASCII letters, digits, {@code -} and {@code _}, starting with a letter or
 * digit. Lower case only, so that two names never map to one file on a case-insensitive file
 * system; no dots or slashes, so that a name never leaves the wallet folder; and none of the names
 * Windows reserves for devices.
 *
 * @param value the name
 */
public record WalletName(String value) implements Comparable<WalletName> {
  /** The longest name. */
  public static final int MAX_LENGTH = 64;

  /** What a wallet file's name ends with. */
  public static final String FILE_SUFFIX = ".wallet";

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  private static final Set<String> RESERVED =
      Set.of(
          "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
          "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

  public WalletName {
    if (value.length() > MAX_LENGTH) {
      throw new WalletException(
          "a wallet name has at most " + MAX_LENGTH + " characters, got " + value.length());
    }
    if (!NAME.matcher(value).matches()) {
      throw new WalletException(
          "bad wallet name '"
              + value
              + "': use lower-case letters, digits, '-' and '_', starting with a letter or digit");
    }
    if (RESERVED.contains(value)) {
      throw new WalletException("bad wallet name '" + value + "': reserved as a device name");
    }
  }

  /** The name, validated. */
  public static WalletName of(String value) {
    return new WalletName(value);
  }

  /** {@code <name>.wallet}. */
  public String fileName() {
    return value + FILE_SUFFIX;
  }

  @Override
  public int compareTo(WalletName other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
