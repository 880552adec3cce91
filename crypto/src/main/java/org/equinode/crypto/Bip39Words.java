package org.equinode.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.equinode.common.Hex;

/**
 * The BIP39 English word list: 2048 words, sorted, each told apart by its first four letters.
 *
 * <p>The resource {@code bip39-english.txt} is {@code bip-0039/english.txt} from bitcoin/bips, byte
 * for byte; loading checks its SHA-256 against the published one, so an edited or damaged copy
 * stops the program rather than producing phrases no other wallet can read.
 */
final class Bip39Words {
  /** The number of words: 2^11, so that each word carries 11 bits. */
  static final int COUNT = 2048;

  /** The longest word in the list. */
  static final int MAX_WORD_LENGTH = 8;

  /** Words in the list differ in their first this many letters. */
  static final int UNIQUE_PREFIX = 4;

  static final String SHA256 = "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda";

  private static final String RESOURCE = "bip39-english.txt";
  private static final List<String> WORDS = load();

  private Bip39Words() {}

  /** The word at {@code index} (0 to 2047). */
  static String word(int index) {
    return WORDS.get(index);
  }

  /** The index of {@code word}, or -1 when it is not in the list. */
  static int indexOf(String word) {
    int index = Collections.binarySearch(WORDS, word);
    return index >= 0 ? index : -1;
  }

  /**
   * The one word close to {@code unknown}, if there is exactly one: first the words one edit away
   * (a letter added, dropped, changed, or two neighbours swapped), else the word that starts with
   * the same four letters.
   */
  static Optional<String> suggestion(String unknown) {
    List<String> close = new ArrayList<>();
    for (String word : WORDS) {
      if (Math.abs(word.length() - unknown.length()) <= 1 && withinOneEdit(unknown, word)) {
        close.add(word);
      }
    }
    if (close.isEmpty() && unknown.length() >= UNIQUE_PREFIX) {
      String prefix = unknown.substring(0, UNIQUE_PREFIX);
      for (String word : WORDS) {
        if (word.startsWith(prefix)) {
          close.add(word);
        }
      }
    }
    return close.size() == 1 ? Optional.of(close.get(0)) : Optional.empty();
  }

  /** True when the optimal-string-alignment distance of {@code a} and {@code b} is at most 1. */
  static boolean withinOneEdit(String a, String b) {
    int start = 0;
    while (start < a.length() && start < b.length() && a.charAt(start) == b.charAt(start)) {
      start++;
    }
    int endA = a.length();
    int endB = b.length();
    while (endA > start && endB > start && a.charAt(endA - 1) == b.charAt(endB - 1)) {
      endA--;
      endB--;
    }
    int restA = endA - start;
    int restB = endB - start;
    if (restA <= 1 && restB <= 1) {
      return true; // equal, or one letter added, dropped or changed
    }
    return restA == 2
        && restB == 2
        && a.charAt(start) == b.charAt(start + 1)
        && a.charAt(start + 1) == b.charAt(start);
  }

  private static List<String> load() {
    byte[] bytes;
    try (InputStream in = Bip39Words.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the BIP39 word list " + RESOURCE + " is missing");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the BIP39 word list " + RESOURCE, e);
    }
    String digest;
    try {
      digest = Hex.encode(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
    if (!digest.equals(SHA256)) {
      throw new IllegalStateException(
          "the BIP39 word list " + RESOURCE + " has SHA-256 " + digest + ", expected " + SHA256);
    }
    List<String> words = new String(bytes, StandardCharsets.US_ASCII).lines().toList();
    if (words.size() != COUNT) {
      throw new IllegalStateException(
          "the BIP39 word list has " + words.size() + " words, expected " + COUNT);
    }
    for (int i = 1; i < COUNT; i++) {
      if (words.get(i - 1).compareTo(words.get(i)) >= 0) {
        throw new IllegalStateException("the BIP39 word list is not sorted at word " + i);
      }
    }
    return words;
  }
}
