package org.equinode.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.Test;

class Bech32mTest {
  private record Vector(String kind, String text, String reason) {}

  private static List<Vector> bip350() {
    List<Vector> out = new ArrayList<>();
    for (String line : VectorLines.of("/vectors/bip350/bech32m.txt")) {
      String[] fields = line.split("\t", -1);
      out.add(new Vector(fields[0], unescape(fields[1]), fields[2]));
    }
    return out;
  }

  private static String unescape(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      if (text.startsWith("\\x", i)) {
        out.append((char) Integer.parseInt(text.substring(i + 2, i + 4), 16));
        i += 3;
      } else {
        out.append(text.charAt(i));
      }
    }
    return out.toString();
  }

  @Test
  void theBip350ValidStringsDecodeAndEncodeBackInLowerCase() {
    List<Vector> valid = bip350().stream().filter(v -> v.kind().equals("valid")).toList();
    assertThat(valid).hasSize(9);
    for (Vector v : valid) {
      Bech32m.Decoded decoded = Bech32m.decode(v.text());
      assertThat(Bech32m.encode(decoded.prefix(), decoded.groups()))
          .as(v.text())
          .isEqualTo(v.text().toLowerCase(Locale.ROOT));
    }
  }

  @Test
  void theBip350InvalidStringsAreRefused() {
    List<Vector> invalid = bip350().stream().filter(v -> v.kind().equals("invalid")).toList();
    assertThat(invalid).hasSize(16);
    for (Vector v : invalid) {
      assertThatThrownBy(() -> Bech32m.decode(v.text()))
          .as(v.text() + ": " + v.reason())
          .isInstanceOf(CryptoException.class);
    }
  }

  @Test
  void aPlainBech32ChecksumIsRefusedWithAMessageSayingSo() {
    List<String> bech32 = new ArrayList<>();
    bip350().stream().filter(v -> v.kind().equals("bech32")).forEach(v -> bech32.add(v.text()));
    bech32.addAll(VectorLines.of("/vectors/bip350/bip173-bech32.txt"));
    assertThat(bech32).hasSize(10);
    for (String text : bech32) {
      assertThatThrownBy(() -> Bech32m.decode(text))
          .as(text)
          .isInstanceOf(CryptoException.class)
          .hasMessage(
              "bech32m text '" + text + "' has a bech32 (BIP-173) checksum, not a bech32m one");
    }
  }

  @Test
  void aWrongChecksumIsNamed() {
    String good = Bech32m.encode("deq", new byte[] {1, 2, 3});
    String bad = good.substring(0, good.length() - 1) + (good.endsWith("q") ? "p" : "q");
    assertThatThrownBy(() -> Bech32m.decode(bad))
        .isInstanceOf(CryptoException.class)
        .hasMessage("bad bech32m checksum in '" + bad + "'");
  }

  @Test
  void aLetterOutsideTheAlphabetIsNamedWithItsPosition() {
    assertThatThrownBy(() -> Bech32m.decode("deq1qqbqqqqqq"))
        .isInstanceOf(CryptoException.class)
        .hasMessage("letter 'b' at position 7 of 'deq1qqbqqqqqq' is not in the bech32m alphabet");
    assertThatThrownBy(() -> Bech32m.decode("deq1qq\u00e9qqqqqq"))
        .isInstanceOf(CryptoException.class)
        .hasMessage(
            "letter U+00E9 at position 7 of 'deq1qq\\u00e9qqqqqq' is not allowed in bech32m text");
    assertThatThrownBy(() -> Bech32m.decode("de q1qqqqqqqq"))
        .isInstanceOf(CryptoException.class)
        .hasMessageStartingWith("letter U+0020 at position 3 of ");
  }

  @Test
  void mixedCaseIsRefused() {
    assertThatThrownBy(() -> Bech32m.decode("A1lqfn3a"))
        .isInstanceOf(CryptoException.class)
        .hasMessage("bech32m text 'A1lqfn3a' mixes upper and lower case");
  }

  @Test
  void structuralFaultsAreNamed() {
    assertThatThrownBy(() -> Bech32m.decode("qyrz8wqd2c9m"))
        .hasMessage("bech32m text 'qyrz8wqd2c9m' has no separator '1'");
    assertThatThrownBy(() -> Bech32m.decode("1qyrz8wqd2c9m"))
        .hasMessage("bech32m text '1qyrz8wqd2c9m' has an empty prefix");
    assertThatThrownBy(() -> Bech32m.decode("in1muywd"))
        .hasMessage(
            "bech32m text 'in1muywd' has 5 letters after the separator, fewer than the 6 of a"
                + " checksum");
  }

  @Test
  void overlongTextIsRefusedBeforeAnyOtherWorkAndQuotedShort() {
    String text = "a".repeat(10_000);
    assertThatThrownBy(() -> Bech32m.decode(text))
        .isInstanceOf(CryptoException.class)
        .hasMessage(
            "bech32m text '" + "a".repeat(90) + "...' is 10000 letters long, at most 90 allowed");
  }

  @Test
  void anEmptyDataPartIsFine() {
    Bech32m.Decoded decoded = Bech32m.decode(Bech32m.encode("eq", new byte[0]));
    assertThat(decoded.prefix()).isEqualTo("eq");
    assertThat(decoded.groupCount()).isZero();
  }

  @Test
  void encodeRefusesWhatDecodeWouldRefuse() {
    assertThatThrownBy(() -> Bech32m.encode("", new byte[0])).isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> Bech32m.encode("Eq", new byte[0])).isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> Bech32m.encode("e q", new byte[0]))
        .isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> Bech32m.encode("eq", new byte[] {32}))
        .isInstanceOf(CryptoException.class)
        .hasMessage("bech32m data group 0 is 32, not in 0 to 31");
    assertThatThrownBy(() -> Bech32m.encode("eq", new byte[82]))
        .isInstanceOf(CryptoException.class)
        .hasMessage("bech32m text would be 91 letters long, at most 90 allowed");
    assertThat(Bech32m.encode("eq", new byte[81])).hasSize(Bech32m.MAX_LENGTH);
  }

  @Test
  void bytesSurviveRegroupingAndEncoding() {
    RandomGenerator random = SeededRandom.of(350);
    for (int length = 0; length <= 50; length++) {
      byte[] bytes = SeededRandom.bytes(random, length);
      byte[] groups = Bech32m.toGroups(bytes);
      assertThat(groups).hasSize((length * 8 + 4) / 5);
      assertThat(Bech32m.fromGroups(groups)).isEqualTo(bytes);
      String text = Bech32m.encode("teq", groups);
      Bech32m.Decoded decoded = Bech32m.decode(text);
      assertThat(decoded.prefix()).isEqualTo("teq");
      assertThat(decoded.groups()).isEqualTo(groups);
      assertThat(Bech32m.decode(text.toUpperCase(Locale.ROOT)).groups()).isEqualTo(groups);
    }
  }

  @Test
  void regroupingIsStrictAboutPadding() {
    // One byte is 8 bits: two groups with 2 padding bits, which must be zero.
    assertThat(Bech32m.fromGroups(new byte[] {31, 28})).containsExactly((byte) 0xff);
    assertThatThrownBy(() -> Bech32m.fromGroups(new byte[] {31, 29}))
        .isInstanceOf(CryptoException.class)
        .hasMessage("the 2 padding bits are not zero");
    // A lone group is 5 bits of padding: a whole group too many.
    assertThatThrownBy(() -> Bech32m.fromGroups(new byte[] {31, 28, 0}))
        .isInstanceOf(CryptoException.class)
        .hasMessage("7 bits of padding, a whole 5-bit group too many");
    assertThatThrownBy(() -> Bech32m.fromGroups(new byte[] {0}))
        .isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> Bech32m.fromGroups(new byte[] {40}))
        .isInstanceOf(CryptoException.class);
    assertThat(Bech32m.fromGroups(new byte[0])).isEmpty();
  }
}
