package org.equinode.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.equinode.common.Hex;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.Test;

class MnemonicTest {
  private static final String ABOUT =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon"
          + " about";

  private record Vector(String entropy, String phrase, String seed) {}

  private static List<Vector> trezor() {
    return VectorLines.of("/vectors/bip39/trezor-english.txt").stream()
        .map(line -> line.split("\\|", -1))
        .map(f -> new Vector(f[0], f[1], f[2]))
        .toList();
  }

  /** A SecureRandom whose bytes come from a seeded generator, for repeatable tests only. */
  private static final class SeededSecureRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final transient RandomGenerator source;

    SeededSecureRandom(long seed) {
      this.source = SeededRandom.of(seed);
    }

    @Override
    public void nextBytes(byte[] bytes) {
      source.nextBytes(bytes);
    }
  }

  @Test
  void theWordListIsBitcoinsEnglishList() throws Exception {
    byte[] bytes;
    try (InputStream in = Mnemonic.class.getResourceAsStream("bip39-english.txt")) {
      bytes = Objects.requireNonNull(in).readAllBytes();
    }
    assertThat(Hex.encode(MessageDigest.getInstance("SHA-256").digest(bytes)))
        .isEqualTo("2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda");
    assertThat(new String(bytes, StandardCharsets.US_ASCII).lines()).hasSize(2048);
    assertThat(Bip39Words.word(0)).isEqualTo("abandon");
    assertThat(Bip39Words.word(2047)).isEqualTo("zoo");
    assertThat(Bip39Words.indexOf("zoo")).isEqualTo(2047);
    assertThat(Bip39Words.indexOf("zooo")).isEqualTo(-1);
  }

  @Test
  void theTrezorVectorsMatchEntropyPhraseAndSeed() {
    List<Vector> vectors = trezor();
    assertThat(vectors).hasSize(24);
    for (Vector v : vectors) {
      Mnemonic fromEntropy = Mnemonic.fromEntropy(Hex.decode(v.entropy()));
      assertThat(fromEntropy.phrase()).isEqualTo(v.phrase());
      Mnemonic parsed = Mnemonic.parse(v.phrase());
      assertThat(parsed).isEqualTo(fromEntropy);
      assertThat(Hex.encode(parsed.entropy())).isEqualTo(v.entropy());
      assertThat(parsed.wordCount()).isEqualTo(v.phrase().split(" ", -1).length);
      assertThat(Hex.encode(parsed.seed("TREZOR"))).isEqualTo(v.seed());
    }
  }

  @Test
  void theEmptyPassphraseIsTheBip39Default() {
    // The BIP39 seed of this phrase with no passphrase, as every BIP39 wallet computes it.
    assertThat(Hex.encode(Mnemonic.parse(ABOUT).seed("")))
        .isEqualTo(
            "5eb00bbddcf069084889a8ab9155568165f5c453ccb85e70811aaed6f6da5fc1"
                + "9a5ac40b389cd370d086206dec8aa6c43daea6690f20ad3d8d48b2d2ce9e38e4");
  }

  @Test
  void parsingNormalizesCaseAndSpaces() {
    Mnemonic expected = Mnemonic.parse(ABOUT);
    String messy =
        "\u0085 ABANDON abandon\tAbandon\u00a0abandon\u3000abandon   abandon\nabandon abandon abandon"
            + " abandon abandon \uff21\uff42\uff4f\uff55\uff54 \r\n\u0085";
    Mnemonic parsed = Mnemonic.parse(messy);
    assertThat(parsed).isEqualTo(expected);
    assertThat(parsed.phrase()).isEqualTo(ABOUT);
  }

  @Test
  void theWordsNeverShowInToString() {
    Mnemonic mnemonic = Mnemonic.parse(ABOUT);
    assertThat(mnemonic.toString()).isEqualTo("Mnemonic[12 words]").doesNotContain("abandon");
  }

  @Test
  void anUnknownWordIsNamedWithItsPositionAndTheCloseWord() {
    assertThatThrownBy(
            () -> Mnemonic.parse(ABOUT.replaceFirst("abandon abandon", "abandon abndon")))
        .isInstanceOf(CryptoException.class)
        .hasMessage("word 2 'abndon' is not in the BIP39 English list; did you mean 'abandon'?");
    assertThatThrownBy(() -> Mnemonic.parse(ABOUT.replace("about", "abuot")))
        .hasMessage("word 12 'abuot' is not in the BIP39 English list; did you mean 'about'?");
    assertThatThrownBy(() -> Mnemonic.parse(ABOUT.replace("about", "Abandonment")))
        .hasMessage(
            "word 12 'abandonment' is not in the BIP39 English list; did you mean 'abandon'?");
    // "bat" is one letter away from bag, bar, cat, hat...: no single close word.
    assertThatThrownBy(() -> Mnemonic.parse(ABOUT.replace("about", "bat")))
        .hasMessage("word 12 'bat' is not in the BIP39 English list");
    assertThatThrownBy(() -> Mnemonic.parse(ABOUT.replace("about", "qqqqqq")))
        .hasMessage("word 12 'qqqqqq' is not in the BIP39 English list");
    assertThatThrownBy(() -> Mnemonic.parse(ABOUT.replace("about", "ab\u0000'out")))
        .hasMessage("word 12 'ab\\u0000'out' is not in the BIP39 English list");
  }

  @Test
  void suggestionsFollowOneEditOrTheFourLetterPrefix() {
    assertThat(Bip39Words.suggestion("abandn")).contains("abandon");
    assertThat(Bip39Words.suggestion("abandonn")).contains("abandon");
    assertThat(Bip39Words.suggestion("abnadon")).contains("abandon");
    assertThat(Bip39Words.suggestion("xbandon")).contains("abandon");
    assertThat(Bip39Words.suggestion("aban")).contains("abandon");
    assertThat(Bip39Words.suggestion("zzzz")).isEmpty();
    assertThat(Bip39Words.suggestion("")).isEmpty();
    assertThat(Bip39Words.withinOneEdit("abc", "abc")).isTrue();
    assertThat(Bip39Words.withinOneEdit("abc", "acb")).isTrue();
    assertThat(Bip39Words.withinOneEdit("abc", "cba")).isFalse();
    assertThat(Bip39Words.withinOneEdit("abc", "abcde")).isFalse();
  }

  @Test
  void theWordCountMustBeAStandardOne() {
    assertThatThrownBy(() -> Mnemonic.parse(ABOUT.replace(" about", "")))
        .isInstanceOf(CryptoException.class)
        .hasMessage("a mnemonic has 12, 15, 18, 21 or 24 words, got 11");
    assertThatThrownBy(() -> Mnemonic.parse(ABOUT + " abandon"))
        .hasMessage("a mnemonic has 12, 15, 18, 21 or 24 words, got 13");
    assertThatThrownBy(() -> Mnemonic.parse((ABOUT + " ").repeat(2) + "zoo"))
        .hasMessage("a mnemonic has 12, 15, 18, 21 or 24 words, got 25");
    assertThatThrownBy(() -> Mnemonic.parse(" \t\n")).hasMessage("a mnemonic phrase is empty");
  }

  @Test
  void aWrongChecksumIsRefused() {
    assertThatThrownBy(() -> Mnemonic.parse(ABOUT.replace("about", "abandon")))
        .isInstanceOf(CryptoException.class)
        .hasMessage(
            "bad mnemonic checksum: a word is wrong or out of place (all are in the word list)");
    // Two valid words swapped.
    String swapped = "legal winner thank year wave sausage worth useful legal winner yellow thank";
    assertThatThrownBy(() -> Mnemonic.parse(swapped)).isInstanceOf(CryptoException.class);
  }

  @Test
  void overlongTextIsRefusedBeforeAnyOtherWork() {
    assertThatThrownBy(() -> Mnemonic.parse("zoo ".repeat(100_000)))
        .isInstanceOf(CryptoException.class)
        .hasMessage("a mnemonic phrase has at most 1000 characters, got 400000");
  }

  @Test
  void generatedMnemonicsHaveTheAskedSizeAndSurviveParsing() {
    SecureRandom random = new SeededSecureRandom(39);
    for (int bits = 128; bits <= 256; bits += 32) {
      for (int i = 0; i < 50; i++) {
        Mnemonic mnemonic = Mnemonic.generate(bits, random);
        assertThat(mnemonic.wordCount()).isEqualTo(bits / 32 * 3);
        assertThat(mnemonic.entropy()).hasSize(bits / 8);
        assertThat(Mnemonic.parse(mnemonic.phrase())).isEqualTo(mnemonic);
        assertThat(Mnemonic.parse(mnemonic.phrase()).phrase()).isEqualTo(mnemonic.phrase());
      }
    }
  }

  @Test
  void entropySizesOtherThanTheStandardOnesAreRefused() {
    SecureRandom random = new SeededSecureRandom(1);
    for (int bits : new int[] {0, 96, 127, 129, 144, 288}) {
      assertThatThrownBy(() -> Mnemonic.generate(bits, random))
          .isInstanceOf(CryptoException.class)
          .hasMessage("mnemonic entropy is 128, 160, 192, 224 or 256 bits, got " + bits);
    }
    assertThatThrownBy(() -> Mnemonic.fromEntropy(new byte[17]))
        .isInstanceOf(CryptoException.class);
  }

  @Test
  void thePassphraseIsNormalizedAndMustBeWellFormed() {
    Mnemonic mnemonic = Mnemonic.parse(ABOUT);
    // U+00E9 and "e" + U+0301 are the same text in NFKD.
    assertThat(mnemonic.seed("caf\u00e9")).isEqualTo(mnemonic.seed("cafe\u0301"));
    assertThat(mnemonic.seed("caf\u00e9")).isNotEqualTo(mnemonic.seed("cafe"));
    assertThat(mnemonic.seed("\ud83d\ude00")).hasSize(Mnemonic.SEED_LENGTH);
    assertThatThrownBy(() -> mnemonic.seed("ab\ud83d"))
        .isInstanceOf(CryptoException.class)
        .hasMessage("a mnemonic passphrase has a lone surrogate at position 3");
    assertThatThrownBy(() -> mnemonic.seed("\ude00")).isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> mnemonic.seed("x".repeat(1001)))
        .isInstanceOf(CryptoException.class)
        .hasMessage("a mnemonic passphrase has at most 1000 characters, got 1001");
  }
}
