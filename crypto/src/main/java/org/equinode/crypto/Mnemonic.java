package org.equinode.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A BIP39 mnemonic in English: 12 to 24 words that encode 128 to 256 bits of entropy and a
 * checksum, from which {@link #seed(String)} derives the 64-byte wallet seed.
 *
 * <p>The words are a secret: {@link #toString()} shows only how many there are, and {@link
 * #phrase()} must be asked for by name. Parsing normalizes the text (NFKD, lower case, any run of
 * white space as one space), so a phrase typed with capitals or extra spaces is read as meant;
 * everything else is strict: every word must be in the list and the checksum must match. The error
 * for an unknown word names it and its position and suggests the one close word when there is one;
 * such messages repeat part of the secret, so they are for the person typing, not for a log.
 */
public final class Mnemonic {
  /** The least entropy, in bits (12 words). */
  public static final int MIN_ENTROPY_BITS = 128;

  /** The most entropy, in bits (24 words). */
  public static final int MAX_ENTROPY_BITS = 256;

  /** Entropy comes in steps of this many bits; each step adds 3 words. */
  public static final int ENTROPY_STEP_BITS = 32;

  /** The fewest words. */
  public static final int MIN_WORDS = 12;

  /** The most words. */
  public static final int MAX_WORDS = 24;

  /** The longest phrase text accepted, checked before any other work. */
  public static final int MAX_PHRASE_LENGTH = 1000;

  /** The longest passphrase accepted, in UTF-16 units, checked before normalizing it. */
  public static final int MAX_PASSPHRASE_LENGTH = 1000;

  /** PBKDF2-HMAC-SHA512 iterations, as BIP39 specifies. */
  public static final int SEED_ITERATIONS = 2048;

  /** The length of the seed in bytes. */
  public static final int SEED_LENGTH = 64;

  private static final int BITS_PER_WORD = 11;
  private static final String SALT_PREFIX = "mnemonic";
  private static final Pattern WHITE_SPACE =
      Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  private final byte[] entropy;
  private final int[] indexes;

  private Mnemonic(byte[] entropy, int[] indexes) {
    this.entropy = entropy;
    this.indexes = indexes;
  }

  /**
   * A new mnemonic of {@code entropyBits} random bits (128, 160, 192, 224 or 256) from a
   * cryptographically strong generator.
   *
   * @throws CryptoException for any other number of bits
   */
  public static Mnemonic generate(int entropyBits, SecureRandom random) {
    checkEntropyBits(entropyBits);
    byte[] entropy = new byte[entropyBits / 8];
    random.nextBytes(entropy);
    return fromEntropy(entropy);
  }

  /**
   * The mnemonic for these entropy bytes (16, 20, 24, 28 or 32 of them).
   *
   * @throws CryptoException for any other length
   */
  public static Mnemonic fromEntropy(byte[] entropy) {
    checkEntropyBits(entropy.length * 8);
    byte[] copy = entropy.clone();
    byte[] bits = Arrays.copyOf(copy, copy.length + 1);
    bits[copy.length] = checksumByte(copy);
    int words = (copy.length * 8 + checksumBits(copy.length)) / BITS_PER_WORD;
    int[] indexes = new int[words];
    for (int w = 0; w < words; w++) {
      int value = 0;
      for (int b = 0; b < BITS_PER_WORD; b++) {
        int bit = w * BITS_PER_WORD + b;
        value = (value << 1) | ((bits[bit / 8] >>> (7 - bit % 8)) & 1);
      }
      indexes[w] = value;
    }
    return new Mnemonic(copy, indexes);
  }

  /**
   * Parses a phrase of English words.
   *
   * @throws CryptoException if the text is too long or empty, the number of words is not 12, 15,
   *     18, 21 or 24, a word is not in the list (naming it and its position, and suggesting the one
   *     close word if there is one), or the checksum does not match
   */
  public static Mnemonic parse(String phrase) {
    if (phrase.length() > MAX_PHRASE_LENGTH) {
      throw new CryptoException(
          "a mnemonic phrase has at most "
              + MAX_PHRASE_LENGTH
              + " characters, got "
              + phrase.length());
    }
    String normalized = Normalizer.normalize(phrase.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
    String[] words =
        WHITE_SPACE.splitAsStream(normalized).filter(w -> !w.isEmpty()).toArray(String[]::new);
    if (words.length == 0) {
      throw new CryptoException("a mnemonic phrase is empty");
    }
    int count = words.length;
    if (count < MIN_WORDS || count > MAX_WORDS || count % 3 != 0) {
      throw new CryptoException("a mnemonic has 12, 15, 18, 21 or 24 words, got " + count);
    }
    int[] indexes = new int[count];
    for (int i = 0; i < count; i++) {
      indexes[i] = Bip39Words.indexOf(words[i]);
      if (indexes[i] < 0) {
        throw unknownWord(i + 1, words[i]);
      }
    }
    int totalBits = count * BITS_PER_WORD;
    int entropyBytes = totalBits * ENTROPY_STEP_BITS / (ENTROPY_STEP_BITS + 1) / 8;
    byte[] bits = new byte[entropyBytes + 1];
    for (int bit = 0; bit < totalBits; bit++) {
      int value = (indexes[bit / BITS_PER_WORD] >>> (BITS_PER_WORD - 1 - bit % BITS_PER_WORD)) & 1;
      bits[bit / 8] |= (byte) (value << (7 - bit % 8));
    }
    byte[] entropy = Arrays.copyOf(bits, entropyBytes);
    int checksumBits = checksumBits(entropyBytes);
    int mask = (0xff << (8 - checksumBits)) & 0xff;
    if (((bits[entropyBytes] ^ checksumByte(entropy)) & mask) != 0) {
      throw new CryptoException(
          "bad mnemonic checksum: a word is wrong or out of place (all are in the word list)");
    }
    return new Mnemonic(entropy, indexes);
  }

  private static CryptoException unknownWord(int position, String word) {
    String message =
        "word " + position + " " + InputText.quote(word) + " is not in the BIP39 English list";
    Optional<String> suggestion =
        word.length() <= InputText.MAX_QUOTED ? Bip39Words.suggestion(word) : Optional.empty();
    return new CryptoException(
        suggestion.map(s -> message + "; did you mean '" + s + "'?").orElse(message));
  }

  /** The words, lower case, separated by single spaces. A secret: do not log it. */
  public String phrase() {
    StringJoiner out = new StringJoiner(" ");
    for (int index : indexes) {
      out.add(Bip39Words.word(index));
    }
    return out.toString();
  }

  /** The number of words. */
  public int wordCount() {
    return indexes.length;
  }

  /** A copy of the entropy the words encode. A secret. */
  public byte[] entropy() {
    return entropy.clone();
  }

  /**
   * The 64-byte BIP39 seed: PBKDF2-HMAC-SHA512 of the phrase, salted with {@code "mnemonic"} and
   * the passphrase (both in NFKD), 2048 iterations. The empty passphrase is the usual one.
   *
   * @throws CryptoException if the passphrase is longer than {@link #MAX_PASSPHRASE_LENGTH} or is
   *     not well-formed Unicode (a lone surrogate would not encode to the same bytes everywhere)
   */
  public byte[] seed(String passphrase) {
    if (passphrase.length() > MAX_PASSPHRASE_LENGTH) {
      throw new CryptoException(
          "a mnemonic passphrase has at most "
              + MAX_PASSPHRASE_LENGTH
              + " characters, got "
              + passphrase.length());
    }
    for (int i = 0; i < passphrase.length(); i++) {
      char c = passphrase.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
              && i + 1 < passphrase.length()
              && Character.isLowSurrogate(passphrase.charAt(i + 1));
      if (paired) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new CryptoException(
            "a mnemonic passphrase has a lone surrogate at position " + (i + 1));
      }
    }
    String salt = SALT_PREFIX + Normalizer.normalize(passphrase, Normalizer.Form.NFKD);
    char[] password = phrase().toCharArray();
    PBEKeySpec spec =
        new PBEKeySpec(
            password, salt.getBytes(StandardCharsets.UTF_8), SEED_ITERATIONS, SEED_LENGTH * 8);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no PBKDF2WithHmacSHA512", e);
    } finally {
      spec.clearPassword();
      Arrays.fill(password, '\0');
    }
  }

  private static void checkEntropyBits(int bits) {
    if (bits < MIN_ENTROPY_BITS || bits > MAX_ENTROPY_BITS || bits % ENTROPY_STEP_BITS != 0) {
      throw new CryptoException("mnemonic entropy is 128, 160, 192, 224 or 256 bits, got " + bits);
    }
  }

  /** The checksum is the first (entropy bits / 32) bits of SHA-256 of the entropy. */
  private static int checksumBits(int entropyBytes) {
    return entropyBytes * 8 / ENTROPY_STEP_BITS;
  }

  private static byte checksumByte(byte[] entropy) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(entropy)[0];
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** Equal when the entropy is equal (compared in constant time). */
  @Override
  public boolean equals(Object o) {
    return o instanceof Mnemonic other && MessageDigest.isEqual(entropy, other.entropy);
  }

  @Override
  public int hashCode() {
    return entropy.length; // weak on purpose: a hash code should say nothing about a secret
  }

  /** Shows the number of words, never the words. */
  @Override
  public String toString() {
    return "Mnemonic[" + indexes.length + " words]";
  }
}
