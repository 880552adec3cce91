package org.equinode.torrent.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.equinode.testing.SeededRandom;
import org.equinode.torrent.PieceSet;
import org.equinode.torrent.metainfo.InfoHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeDataTest {
  @TempDir Path temp;

  static ResumeData random(RandomGenerator random) {
    int pieces = random.nextInt(1, 40);
    BitSet bits = new BitSet();
    for (int p = 0; p < pieces; p++) {
      if (random.nextInt(3) > 0) {
        bits.set(p);
      }
    }
    List<Optional<FileState>> files = new ArrayList<>();
    int count = random.nextInt(1, 6);
    for (int f = 0; f < count; f++) {
      files.add(
          random.nextInt(4) == 0
              ? Optional.empty()
              : Optional.of(new FileState(random.nextLong(0, 1L << 40), random.nextLong())));
    }
    return new ResumeData(
        InfoHash.of(SeededRandom.bytes(random, 20)), PieceSet.of(pieces, bits), files);
  }

  @Test
  void hasOneCanonicalEncoding() {
    ResumeData data =
        new ResumeData(
            InfoHash.of(new byte[20]),
            PieceSet.all(3),
            List.of(Optional.of(new FileState(1, 2)), Optional.empty()));
    byte[] expected =
        ("d11:file-states32:"
                + "\0\0\0\0\0\0\0\1\0\0\0\0\0\0\0\2"
                + "\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\0\0\0\0\0\0\0\0"
                + "9:info-hash20:"
                + "\0".repeat(20)
                + "11:piece-counti3e6:pieces1:\u00e07:versioni1ee")
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThat(data.encode()).isEqualTo(expected);
    assertThat(ResumeData.decode(expected)).isEqualTo(data);
  }

  @Test
  void roundTrips() {
    RandomGenerator random = SeededRandom.of(5);
    for (int i = 0; i < 300; i++) {
      ResumeData data = random(random);
      byte[] bytes = data.encode();
      ResumeData back = ResumeData.decode(bytes);
      assertThat(back).isEqualTo(data);
      assertThat(back.encode()).isEqualTo(bytes);
    }
  }

  @Test
  void mutatedBytesDecodeToAFixedPointOrAreRefused() {
    RandomGenerator random = SeededRandom.of(6);
    int refused = 0;
    for (int i = 0; i < 20_000; i++) {
      byte[] bytes = random(random).encode();
      int edits = random.nextInt(1, 4);
      for (int e = 0; e < edits; e++) {
        switch (random.nextInt(3)) {
          case 0 -> bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
          case 1 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
          default -> {
            int at = random.nextInt(bytes.length + 1);
            byte[] longer = new byte[bytes.length + 1];
            System.arraycopy(bytes, 0, longer, 0, at);
            longer[at] = (byte) random.nextInt(256);
            System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
            bytes = longer;
          }
        }
        if (bytes.length == 0) {
          break;
        }
      }
      try {
        ResumeData decoded = ResumeData.decode(bytes);
        assertThat(decoded.encode()).isEqualTo(bytes);
      } catch (ResumeDataException expected) {
        refused++;
      }
    }
    assertThat(refused).isGreaterThan(10_000);
  }

  @Test
  void refusesWithExactMessages() {
    assertRefused("de", "resume data has no integer 'version'");
    assertRefused("i1e", "resume data is not a dictionary");
    assertRefused("d1:xi1ee", "resume data has an unknown key 'x'");
    assertRefused("d7:versioni2ee", "resume data version 2 is not 1");
    assertRefused("d9:info-hash1:x7:versioni1ee", "'info-hash' is 1 bytes, not 20");
    String hash = "9:info-hash20:" + "a".repeat(20);
    assertRefused(
        "d" + hash + "11:piece-counti0e7:versioni1ee", "'piece-count' 0 is outside 1..2097152");
    assertRefused(
        "d" + hash + "11:piece-counti3e6:pieces1:\u00f07:versioni1ee",
        "'pieces': spare bit 3 set in a bitfield of 3 pieces");
    assertRefused(
        "d11:file-states3:abc" + hash + "11:piece-counti3e6:pieces1:\u00e07:versioni1ee",
        "'file-states' is 3 bytes, not 1..400000 records of 16");
    assertRefused(
        "d11:file-states16:"
            + "\u00ff".repeat(8)
            + "\0".repeat(7)
            + "\1"
            + hash
            + "11:piece-counti3e6:pieces1:\u00e07:versioni1ee",
        "file 0 has a bad state: size -1, time 1");
    assertThatThrownBy(
            () -> ResumeData.decode("d7:versioni01ee".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(ResumeDataException.class)
        .hasMessageStartingWith("resume data is not canonical bencoding: ");
    assertThatThrownBy(() -> ResumeData.decode(new byte[ResumeData.MAX_BYTES + 1]))
        .isInstanceOf(ResumeDataException.class)
        .hasMessage("resume data of 8388609 bytes is larger than 8388608");
  }

  private static void assertRefused(String text, String message) {
    assertThatThrownBy(() -> ResumeData.decode(text.getBytes(StandardCharsets.ISO_8859_1)))
        .isInstanceOf(ResumeDataException.class)
        .hasMessage(message);
  }

  @Test
  void writesAndReadsAFile() throws Exception {
    Path file = temp.resolve("state/x.resume");
    assertThat(ResumeData.read(file)).isEmpty();
    ResumeData data = random(SeededRandom.of(1));
    data.write(file);
    assertThat(ResumeData.read(file)).contains(data);
    Files.write(file, new byte[] {'x'});
    assertThatThrownBy(() -> ResumeData.read(file)).isInstanceOf(ResumeDataException.class);
  }
}
