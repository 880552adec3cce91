package org.equinode.store;

/** Prefix arithmetic on unsigned byte keys. */
final class KeyPrefix {
  private KeyPrefix() {}

  static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length
        && java.util.Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }
}
