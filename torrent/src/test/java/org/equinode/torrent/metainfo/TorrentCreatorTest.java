package org.equinode.torrent.metainfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.equinode.testing.SeededRandom;
import org.equinode.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorrentCreatorTest {
  private static final int KIB = 1024;
  private static final int MIB = 1024 * KIB;

  private final TestClock clock = TestClock.at(Instant.parse("2026-03-04T05:06:07.890Z"));
  private final TorrentCreator creator = new TorrentCreator(clock, "0.1.0");

  @TempDir Path temp;

  @Test
  void choosesPieceLengthsByTheStatedRule() {
    assertThat(TorrentCreator.autoPieceLength(0)).isEqualTo(16 * KIB);
    assertThat(TorrentCreator.autoPieceLength(1)).isEqualTo(16 * KIB);
    assertThat(TorrentCreator.autoPieceLength(2000L * 16 * KIB)).isEqualTo(16 * KIB);
    assertThat(TorrentCreator.autoPieceLength(2000L * 16 * KIB + 1)).isEqualTo(32 * KIB);
    assertThat(TorrentCreator.autoPieceLength(700L * MIB)).isEqualTo(512 * KIB);
    assertThat(TorrentCreator.autoPieceLength(4L * 1024 * MIB)).isEqualTo(4 * MIB);
    assertThat(TorrentCreator.autoPieceLength(1L << 50)).isEqualTo(16 * MIB);
    // Between the bounds the count lands in 1001..2000.
    RandomGenerator random = SeededRandom.of(7);
    for (int i = 0; i < 1_000; i++) {
      long total = random.nextLong(2000L * 16 * KIB + 1, 2000L * 16 * MIB);
      int length = TorrentCreator.autoPieceLength(total);
      long count = (total + length - 1) / length;
      assertThat(count).as("%d bytes", total).isBetween(1001L, 2000L);
      assertThat(Integer.bitCount(length)).isEqualTo(1);
    }
  }

  @Test
  void createsASingleFileTorrentThatParsesToTheSameHash() throws IOException {
    byte[] data = SeededRandom.bytes(SeededRandom.of(1), 100_000);
    Path file = Files.write(temp.resolve("data.bin"), data);
    CreateOptions options =
        CreateOptions.none()
            .withTrackers("http://127.0.0.1:6969/announce", "udp://127.0.0.1:6969")
            .withWebSeeds("http://127.0.0.1:8080/data.bin")
            .withComment("a comment")
            .withPrivate(true);
    CreatedTorrent created = creator.create(file, options);
    Metainfo m = created.metainfo();

    assertThat(created.skipped()).isEmpty();
    assertThat(m.info().name()).isEqualTo("data.bin");
    assertThat(m.info().multiFile()).isFalse();
    assertThat(m.info().pieceLength()).isEqualTo(16 * KIB);
    assertThat(m.info().isPrivate()).isTrue();
    assertThat(m.createdBy()).contains("Equinode/0.1.0");
    assertThat(m.creationDate()).contains(Instant.parse("2026-03-04T05:06:07Z"));
    assertThat(m.comment()).contains("a comment");
    assertThat(m.trackerTiers())
        .containsExactly(
            List.of("http://127.0.0.1:6969/announce"), List.of("udp://127.0.0.1:6969"));

    Metainfo parsed = Metainfo.parse(m.encode());
    assertThat(parsed).isEqualTo(m);
    assertThat(parsed.infoHash()).isEqualTo(m.infoHash());
    assertPiecesMatch(parsed.info(), data);
  }

  @Test
  void createsAMultiFileTorrentInPathOrder() throws IOException {
    Path root = Files.createDirectories(temp.resolve("album"));
    RandomGenerator random = SeededRandom.of(2);
    byte[] b = SeededRandom.bytes(random, 20_000);
    byte[] a = SeededRandom.bytes(random, 30_000);
    byte[] c = SeededRandom.bytes(random, 5);
    Files.createDirectories(root.resolve("disc 2"));
    Files.write(root.resolve("disc 2/track.flac"), c);
    Files.write(root.resolve("b.txt"), b);
    Files.write(root.resolve("a.txt"), a);
    Files.write(root.resolve("empty"), new byte[0]);

    Metainfo m = creator.create(root, CreateOptions.none().withPieceLength(32 * KIB)).metainfo();

    assertThat(m.info().name()).isEqualTo("album");
    assertThat(m.info().multiFile()).isTrue();
    assertThat(m.info().files())
        .containsExactly(
            new FileEntry(FilePath.of("album", "a.txt"), 30_000),
            new FileEntry(FilePath.of("album", "b.txt"), 20_000),
            new FileEntry(FilePath.of("album", "disc 2", "track.flac"), 5),
            new FileEntry(FilePath.of("album", "empty"), 0));
    assertThat(m.trackerTiers()).isEmpty();
    Metainfo parsed = Metainfo.parse(m.encode());
    assertThat(parsed.infoHash()).isEqualTo(m.infoHash());
    assertPiecesMatch(parsed.info(), concat(a, b, c));
  }

  @Test
  void skipsHiddenEntriesAndSymbolicLinks() throws IOException {
    Path root = Files.createDirectories(temp.resolve("share"));
    Files.writeString(root.resolve("visible.txt"), "hello");
    Files.writeString(root.resolve(".env"), "SECRET=1");
    Files.createDirectories(root.resolve(".git"));
    Files.writeString(root.resolve(".git/config"), "[core]");
    Path outside = Files.writeString(temp.resolve("outside.txt"), "not yours");
    Files.createSymbolicLink(root.resolve("link.txt"), outside);
    Files.createSymbolicLink(root.resolve("loop"), root);

    CreatedTorrent created = creator.create(root, CreateOptions.none());

    assertThat(created.metainfo().info().files())
        .containsExactly(new FileEntry(FilePath.of("share", "visible.txt"), 5));
    assertThat(created.skipped())
        .map(p -> p.getFileName().toString())
        .containsExactlyInAnyOrder(".env", ".git", "link.txt", "loop");
  }

  @Test
  void matchesMktorrentForTheSameFilesAndPieceLength() {
    CreateOptions options = CreateOptions.none().withPieceLength(32 * KIB);
    assertThat(creator.create(Fixtures.path("tiny.txt"), options).metainfo().infoHash())
        .isEqualTo(Metainfo.parse(Fixtures.bytes("single.torrent")).infoHash());
    assertThat(creator.create(Fixtures.path("tinydir"), options).metainfo().infoHash())
        .isEqualTo(Metainfo.parse(Fixtures.bytes("multi-plain.torrent")).infoHash());
  }

  @Test
  void refusesWhatCannotBeShared() throws IOException {
    Path empty = Files.createDirectories(temp.resolve("empty"));
    assertThatThrownBy(() -> creator.create(empty, CreateOptions.none()))
        .isInstanceOf(TorrentCreationException.class)
        .hasMessage("no files to share in '" + empty + "'");

    Path zeros = Files.createDirectories(temp.resolve("zeros"));
    Files.write(zeros.resolve("z"), new byte[0]);
    assertThatThrownBy(() -> creator.create(zeros, CreateOptions.none()))
        .hasMessage("nothing to share: every file in '" + zeros + "' is empty");

    Path devices = Files.createDirectories(temp.resolve("devices"));
    Files.writeString(devices.resolve("CON.txt"), "x");
    assertThatThrownBy(() -> creator.create(devices, CreateOptions.none()))
        .isInstanceOf(TorrentCreationException.class)
        .hasMessage(
            "cannot share '"
                + devices.resolve("CON.txt")
                + "': unsafe path 'devices/CON.txt': name 'CON.txt' is a Windows device name");

    Path missing = temp.resolve("missing");
    assertThatThrownBy(() -> creator.create(missing, CreateOptions.none()))
        .isInstanceOf(TorrentCreationException.class)
        .hasMessageStartingWith("cannot read '" + missing + "'");
  }

  @Test
  void checksItsArguments() {
    assertThatThrownBy(() -> CreateOptions.none().withPieceLength(48 * KIB))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a piece length is a power of two from 16384 to 16777216, got 49152");
    assertThatThrownBy(() -> CreateOptions.none().withPieceLength(32 * MIB))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TorrentCreator(clock, "1 0")).hasMessage("not a version: '1 0'");
  }

  private static void assertPiecesMatch(InfoDict info, byte[] data) {
    assertThat(info.totalLength()).isEqualTo(data.length);
    assertThat(info.pieceCount())
        .isEqualTo((data.length + info.pieceLength() - 1) / info.pieceLength());
    for (int i = 0; i < info.pieceCount(); i++) {
      int from = i * info.pieceLength();
      byte[] piece = Arrays.copyOfRange(data, from, from + info.pieceSize(i));
      assertThat(info.pieces().verify(i, piece)).as("piece %d", i).isTrue();
    }
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
