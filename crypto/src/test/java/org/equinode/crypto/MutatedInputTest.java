package org.equinode.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.equinode.common.Hash32;
import org.equinode.common.Network;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded random edits of valid text: each parser must either accept the result (and then write it
 * back the same, up to the normalization it documents) or throw {@link CryptoException}; never any
 * other exception. A failure names the seed and the input, so it can be replayed.
 */
class MutatedInputTest {
  private static final int ROUNDS = 20_000;

  /** Letters an edit may put in: the bech32 alphabet, ASCII, white space, and some hard cases. */
  private static final String POOL =
      "qpzry9x8gf2tvdw0s3jn54khce6mua7l1QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L"
          + "abcdefghijklmnopqrstuvwxyz'h/m0123456789 \t\n\r\u00a0\u3000\u0085\u0000\u007f"
          + "\u00e9\u0301\uff41\u0130\u0131\u212a\ud83d\ude00\ud800\udfff\ufeff\uffff\u2028";

  @Test
  void mutatedBech32mTextDecodesToItselfOrIsRefused() {
    List<String> valid = new ArrayList<>();
    RandomGenerator random = SeededRandom.of(1);
    for (int i = 0; i < 20; i++) {
      byte[] groups = new byte[random.nextInt(60)];
      for (int g = 0; g < groups.length; g++) {
        groups[g] = (byte) random.nextInt(32);
      }
      valid.add(Bech32m.encode(i % 2 == 0 ? "deq" : "x?" + i, groups));
    }
    int accepted =
        fuzz(
            11,
            valid,
            text -> {
              Bech32m.Decoded decoded = Bech32m.decode(text);
              assertThat(Bech32m.encode(decoded.prefix(), decoded.groups()))
                  .isEqualTo(text.toLowerCase(Locale.ROOT));
            });
    assertThat(accepted).isLessThan(ROUNDS);
  }

  @Test
  void mutatedAddressesParseToThemselvesOrAreRefused() {
    List<String> valid = new ArrayList<>();
    RandomGenerator random = SeededRandom.of(2);
    for (Network network : Network.values()) {
      for (int i = 0; i < 5; i++) {
        valid.add(new Address(network, Hash32.of(SeededRandom.bytes(random, 32))).toString());
      }
    }
    fuzz(
        12,
        valid,
        text -> {
          Address address = Address.parse(text);
          assertThat(address.toString()).isEqualTo(text.toLowerCase(Locale.ROOT));
          assertThat(Address.parse(text, address.network())).isEqualTo(address);
        });
  }

  @Test
  void mutatedPhrasesParseToTheirNormalFormOrAreRefused() {
    List<String> valid = new ArrayList<>();
    for (String line : VectorLines.of("/vectors/bip39/trezor-english.txt")) {
      valid.add(line.split("\\|", -1)[1]);
    }
    Pattern space = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    fuzz(
        13,
        valid,
        text -> {
          Mnemonic mnemonic = Mnemonic.parse(text);
          String normal = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
          String words =
              String.join(
                  " ",
                  space.splitAsStream(normal).filter(w -> !w.isEmpty()).toArray(String[]::new));
          assertThat(mnemonic.phrase()).isEqualTo(words);
          assertThat(Mnemonic.parse(mnemonic.phrase())).isEqualTo(mnemonic);
        });
  }

  @Test
  void mutatedPathsParseToThemselvesOrAreRefused() {
    List<String> valid =
        List.of(
            "m",
            "m/44'/17745'/0'/0'/0'",
            "m/0h/2147483647h/1h/2147483646h/2h",
            "m/1000000000'",
            DerivationPath.standard(12, 345).toString());
    fuzz(
        14,
        valid,
        text -> {
          DerivationPath path = DerivationPath.parse(text);
          assertThat(path.toString()).isEqualTo(text.replace('h', '\''));
        });
  }

  /**
   * Runs {@link #ROUNDS} mutated inputs through {@code parser}; returns how many it accepted.
   * Assertion errors and exceptions other than {@link CryptoException} fail the test with the seed
   * and the input.
   */
  private static int fuzz(long seed, List<String> valid, Consumer<String> parser) {
    RandomGenerator random = SeededRandom.of(seed);
    int accepted = 0;
    int refused = 0;
    for (int round = 0; round < ROUNDS; round++) {
      String input = mutate(random, valid.get(random.nextInt(valid.size())));
      try {
        parser.accept(input);
        accepted++;
      } catch (CryptoException expected) {
        refused++;
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError(
            "seed " + seed + ", round " + round + ", input " + InputText.quote(input), e);
      }
    }
    assertThat(refused).isPositive();
    return accepted;
  }

  private static String mutate(RandomGenerator random, String text) {
    StringBuilder out = new StringBuilder(text);
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int at = out.isEmpty() ? 0 : random.nextInt(out.length());
      switch (random.nextInt(8)) {
        case 0 -> {
          if (!out.isEmpty()) {
            out.setCharAt(at, randomLetter(random));
          }
        }
        case 1 -> out.insert(at, randomLetter(random));
        case 2 -> {
          if (!out.isEmpty()) {
            out.deleteCharAt(at);
          }
        }
        case 3 -> {
          if (at + 1 < out.length()) {
            char c = out.charAt(at);
            out.setCharAt(at, out.charAt(at + 1));
            out.setCharAt(at + 1, c);
          }
        }
        case 4 -> {
          if (!out.isEmpty()) {
            char c = out.charAt(at);
            out.setCharAt(
                at, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
          }
        }
        case 5 -> {
          String upper = out.toString().toUpperCase(Locale.ROOT);
          out.setLength(0);
          out.append(upper);
        }
        case 6 -> out.setLength(random.nextInt(out.length() + 1));
        default -> {
          int end = Math.min(out.length(), at + 1 + random.nextInt(12));
          String piece = out.substring(at, end);
          out.insert(random.nextInt(out.length() + 1), piece.repeat(1 + random.nextInt(3)));
        }
      }
    }
    return out.toString();
  }

  private static char randomLetter(RandomGenerator random) {
    return random.nextInt(10) == 0
        ? (char) random.nextInt(Character.MAX_VALUE + 1)
        : POOL.charAt(random.nextInt(POOL.length()));
  }
}
