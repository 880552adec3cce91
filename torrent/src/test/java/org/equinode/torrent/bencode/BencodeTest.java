package org.equinode.torrent.bencode;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BencodeTest {
  private static byte[] b(String text) {
    return text.getBytes(ISO_8859_1);
  }

  private static BencodeException rejected(String input) {
    return rejected(b(input));
  }

  private static BencodeException rejected(byte[] input) {
    try {
      Bencode.decode(input);
    } catch (BencodeException e) {
      return e;
    }
    throw new AssertionError("accepted " + new String(input, ISO_8859_1));
  }

  @Test
  void decodesEachKindOfValue() {
    assertThat(Bencode.decode(b("i42e"))).isEqualTo(BInteger.of(42));
    assertThat(Bencode.decode(b("i-42e"))).isEqualTo(BInteger.of(-42));
    assertThat(Bencode.decode(b("i0e"))).isEqualTo(BInteger.of(0));
    assertThat(Bencode.decode(b("4:spam"))).isEqualTo(BBytes.of("spam"));
    assertThat(Bencode.decode(b("0:"))).isEqualTo(BBytes.of(""));
    assertThat(Bencode.decode(b("l4:spami42ee")))
        .isEqualTo(BList.of(BBytes.of("spam"), BInteger.of(42)));
    assertThat(Bencode.decode(b("d3:bar4:spam3:fooi42ee")))
        .isEqualTo(BDict.builder().put("bar", "spam").put("foo", 42).build());
    assertThat(Bencode.decode(b("le"))).isEqualTo(BList.of());
    assertThat(Bencode.decode(b("de"))).isEqualTo(BDict.empty());
  }

  @Test
  void decodesTheWholeLongRange() {
    assertThat(Bencode.decode(b("i9223372036854775807e"))).isEqualTo(BInteger.of(Long.MAX_VALUE));
    assertThat(Bencode.decode(b("i-9223372036854775808e"))).isEqualTo(BInteger.of(Long.MIN_VALUE));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "i03e | leading zero in an integer at offset 1",
        "i-03e | leading zero in an integer at offset 1",
        "i00e | leading zero in an integer at offset 1",
        "i-0e | negative zero at offset 1",
        "ie | integer without digits at offset 1",
        "i-e | integer without digits at offset 1",
        "i+1e | unexpected byte 0x2b ('+') in an integer at offset 1",
        "i1 | unexpected end of input at offset 2",
        "i9223372036854775808e | integer does not fit in 64 bits at offset 1",
        "i-9223372036854775809e | integer does not fit in 64 bits at offset 1",
        "i99999999999999999999999e | integer does not fit in 64 bits at offset 1",
        "03:abc | leading zero in a string length at offset 0",
        "00: | leading zero in a string length at offset 0",
        "5:abc | string of 5 bytes exceeds the 3 bytes left at offset 0",
        "99999999999:a | string length exceeds the 13-byte input at offset 0",
        "3abc | unexpected byte 0x61 ('a') in a string length at offset 1",
        "d1:b0:1:a0:e | dictionary key 'a' after 'b': keys must be sorted at offset 6",
        "d1:a0:1:a0:e | duplicate dictionary key 'a' at offset 6",
        "di1e0:e | dictionary key is not a byte string (found 0x69 ('i')) at offset 1",
        "i1ei2e | trailing bytes after the value (3 more) at offset 3",
        "le0: | trailing bytes after the value (2 more) at offset 2",
        "l | unexpected end of input at offset 1",
        "d1:a | unexpected end of input at offset 4",
        "x | unexpected byte 0x78 ('x') where a value starts at offset 0",
        "e | unexpected byte 0x65 ('e') where a value starts at offset 0",
      })
  void rejectsNonCanonicalInput(String input, String message) {
    BencodeException e = rejected(input);
    assertThat(e).hasMessage(message);
    assertThat(message).endsWith("at offset " + e.offset());
  }

  @Test
  void rejectsEmptyInput() {
    assertThat(rejected("")).hasMessage("unexpected end of input at offset 0");
  }

  @Test
  void comparesKeysAsUnsignedBytes() {
    // 0x7f sorts before 0x80: a signed comparison would get this wrong.
    byte[] sorted = b("d1:\u007f0:1:\u00800:e");
    assertThat(Bencode.decode(sorted)).isInstanceOf(BDict.class);
    byte[] unsorted = b("d1:\u00800:1:\u007f0:e");
    assertThat(rejected(unsorted)).hasMessageContaining("keys must be sorted");
  }

  @Test
  void limitsNesting() {
    String deepest = "l".repeat(Bencode.MAX_DEPTH) + "e".repeat(Bencode.MAX_DEPTH);
    assertThat(Bencode.decode(b(deepest))).isInstanceOf(BList.class);
    String tooDeep = "l".repeat(Bencode.MAX_DEPTH + 1) + "e".repeat(Bencode.MAX_DEPTH + 1);
    assertThat(rejected(tooDeep))
        .hasMessage("nesting deeper than " + Bencode.MAX_DEPTH + " at offset " + Bencode.MAX_DEPTH);
    // Without the limit this would overflow the stack rather than fail cleanly.
    assertThat(rejected("l".repeat(1_000_000))).hasMessageStartingWith("nesting deeper than");
  }

  @Test
  void limitsTheNumberOfValues() {
    String many = "l" + "i0e".repeat(Bencode.MAX_VALUES) + "e";
    assertThat(rejected(many))
        .hasMessage(
            "more than "
                + Bencode.MAX_VALUES
                + " values at offset "
                + (1 + 3 * (Bencode.MAX_VALUES - 1)));
  }

  @Test
  void encodesCanonically() {
    BDict dict =
        BDict.builder()
            .put("zeta", BList.of(BInteger.of(-1), BBytes.of("")))
            .put("alpha", Long.MIN_VALUE)
            .build();
    assertThat(new String(Bencode.encode(dict), ISO_8859_1))
        .isEqualTo("d5:alphai-9223372036854775808e4:zetali-1e0:ee");
  }

  @Test
  void roundTripsRandomValues() {
    RandomGenerator random = SeededRandom.of(0xbe11c0deL);
    for (int i = 0; i < 2_000; i++) {
      BValue value = RandomBValues.value(random, 4);
      byte[] encoded = Bencode.encode(value);
      assertThat(Bencode.decode(encoded)).isEqualTo(value);
      assertThat(Bencode.encode(Bencode.decode(encoded))).isEqualTo(encoded);
    }
  }

  @Test
  void mutatedBytesDecodeCanonicallyOrFailWithBencodeException() {
    RandomGenerator random = SeededRandom.of(0x5eedL);
    for (int i = 0; i < 5_000; i++) {
      byte[] valid = Bencode.encode(RandomBValues.value(random, 4));
      byte[] mutated = mutate(valid, random);
      BValue decoded;
      try {
        decoded = Bencode.decode(mutated);
      } catch (BencodeException e) {
        assertThat(e.offset()).isBetween(0, mutated.length);
        continue;
      }
      assertThat(Bencode.encode(decoded)).as("seed case %d", i).isEqualTo(mutated);
    }
  }

  static byte[] mutate(byte[] input, RandomGenerator random) {
    byte[] out = input.clone();
    switch (random.nextInt(4)) {
      case 0 -> {
        if (out.length > 0) {
          out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
      }
      case 1 -> {
        if (out.length > 0) {
          int at = random.nextInt(out.length);
          out[at] = (byte) (out[at] ^ (1 << random.nextInt(8)));
        }
      }
      case 2 -> out = Arrays.copyOf(out, random.nextInt(out.length + 1));
      default -> {
        int at = random.nextInt(out.length + 1);
        byte[] grown = new byte[out.length + 1];
        System.arraycopy(out, 0, grown, 0, at);
        grown[at] = (byte) "ile:0123456789-d".charAt(random.nextInt(16));
        System.arraycopy(out, at, grown, at + 1, out.length - at);
        out = grown;
      }
    }
    return out;
  }

  @Test
  void recordsTheSpanOfEachTopLevelValue() {
    byte[] input = b("d4:infod6:lengthi5ee4:name3:abce");
    TopLevelDict top = Bencode.decodeDict(input, KeyOrder.STRICT);
    assertThat(new String(top.span("info").orElseThrow().copyOf(input), ISO_8859_1))
        .isEqualTo("d6:lengthi5ee");
    assertThat(new String(top.span("name").orElseThrow().copyOf(input), ISO_8859_1))
        .isEqualTo("3:abc");
    assertThat(top.span("length")).isEmpty();
  }

  @Test
  void anyOrderAtTopLevelStillChecksEverythingElse() {
    byte[] unsortedTop = b("d4:name3:abc4:infod1:ai1eee");
    assertThatThrownBy(() -> Bencode.decodeDict(unsortedTop, KeyOrder.STRICT))
        .isInstanceOf(BencodeException.class)
        .hasMessageContaining("keys must be sorted");
    TopLevelDict top = Bencode.decodeDict(unsortedTop, KeyOrder.ANY_AT_TOP_LEVEL);
    assertThat(top.dict().get("name")).contains(BBytes.of("abc"));

    byte[] duplicateTop = b("d4:name3:abc4:name3:abce");
    assertThatThrownBy(() -> Bencode.decodeDict(duplicateTop, KeyOrder.ANY_AT_TOP_LEVEL))
        .hasMessage("duplicate dictionary key 'name' at offset 12");
    byte[] unsortedInside = b("d4:infod1:bi1e1:ai1eee");
    assertThatThrownBy(() -> Bencode.decodeDict(unsortedInside, KeyOrder.ANY_AT_TOP_LEVEL))
        .hasMessage("dictionary key 'a' after 'b': keys must be sorted at offset 14");
    assertThatThrownBy(() -> Bencode.decodeDict(b("le"), KeyOrder.STRICT))
        .hasMessage("expected a dictionary at offset 0");
  }

  @Test
  void valuesAreImmutable() {
    byte[] raw = {1, 2, 3};
    BBytes bytes = BBytes.of(raw);
    raw[0] = 9;
    bytes.bytes()[1] = 9;
    assertThat(bytes.bytes()).containsExactly(1, 2, 3);
    assertThat(BList.of(bytes).values()).isInstanceOf(List.class);
    assertThatThrownBy(() -> BList.of(bytes).values().add(bytes))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void showsBytesReadably() {
    assertThat(BBytes.of("abc")).hasToString("'abc'");
    assertThat(BBytes.of(new byte[] {0, (byte) 0xff})).hasToString("0x00ff");
    assertThat(BBytes.of("x".repeat(100)).toString()).endsWith("...(100 bytes)");
    assertThat(BBytes.of(new byte[] {(byte) 0xc3, (byte) 0x28}).utf8()).isEmpty();
    assertThat(BBytes.of("é").utf8()).contains("é");
  }

  @Test
  void anyKeyOrderAcceptsUnsortedKeysAtEveryLevelButNotRepeatedOnes() {
    byte[] unsorted = b("d1:bi1e1:ad1:zi0e1:yi0eee");
    assertThatThrownBy(() -> Bencode.decode(unsorted)).isInstanceOf(BencodeException.class);
    BDict dict = (BDict) Bencode.decode(unsorted, KeyOrder.ANY);
    assertThat(Bencode.encode(dict)).isEqualTo(b("d1:ad1:yi0e1:zi0ee1:bi1ee"));
    assertThatThrownBy(() -> Bencode.decode(b("d1:ai1e1:ai2ee"), KeyOrder.ANY))
        .isInstanceOf(BencodeException.class)
        .hasMessage("duplicate dictionary key 'a' at offset 7");
  }

  @Test
  void decodesAValueFollowedByRawBytes() {
    DecodedPrefix prefix = Bencode.decodePrefix(b("d1:ai1eeRAW BYTES"), KeyOrder.STRICT);
    assertThat(prefix.length()).isEqualTo(8);
    assertThat(prefix.value()).isEqualTo(BDict.builder().put("a", 1).build());
    assertThatThrownBy(() -> Bencode.decodePrefix(b("d1:ai1e"), KeyOrder.STRICT))
        .isInstanceOf(BencodeException.class)
        .hasMessage("unexpected end of input at offset 7");
  }
}
