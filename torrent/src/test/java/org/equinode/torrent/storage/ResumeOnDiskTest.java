package org.equinode.torrent.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.equinode.testing.TestClock;
import org.equinode.torrent.metainfo.FilePath;
import org.equinode.torrent.metainfo.InfoDict;
import org.equinode.torrent.metainfo.InfoHash;
import org.equinode.torrent.storage.StartupReport.Mode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Startup on real files: resume trusted, files changed, truncated or found without resume. */
class ResumeOnDiskTest {
  static final InfoHash HASH = InfoHash.of(new byte[20]);

  @TempDir Path temp;
  final TestClock clock = TestClock.fixed();
  final ExecutorService pool = Executors.newFixedThreadPool(2);

  // Files t/f0..t/f3 of 1000, 0, 1500 and 700 bytes in pieces of 256: 13 pieces.
  final TestTorrent t = TestTorrent.of(1, 256, 1000, 0, 1500, 700);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  Path downloads() {
    return temp.resolve("downloads");
  }

  Path resume() {
    return temp.resolve("state/t.resume");
  }

  TorrentStorage open(StorageOptions options) {
    return open(options, pool);
  }

  TorrentStorage open(StorageOptions options, Executor executor) {
    DiskPieceStore store = DiskPieceStore.open(t.layout(), t.hashes(), downloads(), options);
    return TorrentStorage.open(
        HASH,
        store,
        resume(),
        FilePriority.allNormal(t.layout().fileCount()),
        options,
        executor,
        clock);
  }

  Path file(int index) {
    return downloads().resolve("t/f" + index);
  }

  void downloadAll(TorrentStorage storage) {
    for (int p = 0; p < t.layout().pieceCount(); p++) {
      t.writePiece(storage, p, 100);
      assertThat(storage.verifyAsync(p).join()).isTrue();
    }
  }

  @Test
  void trustsAMatchingResumeFileWithoutHashing() throws IOException {
    TorrentStorage first = open(StorageOptions.defaults());
    assertThat(first.startupReport().mode()).isEqualTo(Mode.FRESH);
    assertThat(Files.exists(file(1))).isTrue(); // the empty file
    downloadAll(first);
    first.close();
    assertThat(Files.readAllBytes(file(2))).isEqualTo(t.file(2));

    // Hashing would fail loudly: the pool refuses every task.
    TorrentStorage again =
        open(
            StorageOptions.defaults(),
            task -> {
              throw new AssertionError("nothing should be hashed");
            });
    assertThat(again.startupReport())
        .isEqualTo(new StartupReport(Mode.RESUMED, 0, 0, List.of(), java.util.Optional.empty()));
    assertThat(again.completed().isFull()).isTrue();
    again.close();
  }

  @Test
  void afterAKillOnlyRecordedPiecesCount() {
    TorrentStorage storage = open(StorageOptions.defaults().withSync(4 * 256, Duration.ofHours(1)));
    for (int p = 0; p < 10; p++) {
      t.writePiece(storage, p, 100);
      assertThat(storage.verifyAsync(p).join()).isTrue();
    }
    t.writePiece(storage, 10, 100); // written, not verified
    assertThat(storage.recorded()).isEqualTo(TorrentStorageTest.range(13, 0, 8));
    // Dropped without close(): no last checkpoint. (Its open files are left to the collector.)
    TorrentStorage reopened = open(StorageOptions.defaults());
    assertThat(reopened.completed()).isEqualTo(TorrentStorageTest.range(13, 0, 8));
    assertThat(reopened.isComplete(8)).isFalse();
    reopened.close();
  }

  @Test
  void rechecksThePiecesOfAModifiedFile() throws IOException {
    TorrentStorage first = open(StorageOptions.defaults());
    downloadAll(first);
    first.close();
    // Byte 1100 of the torrent is byte 100 of f2, in piece 4; f2 holds pieces 3..9.
    try (RandomAccessFile f = new RandomAccessFile(file(2).toFile(), "rw")) {
      f.seek(100);
      f.write(t.file(2)[100] ^ 0x55);
    }
    Files.setLastModifiedTime(file(2), FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));

    TorrentStorage again = open(StorageOptions.defaults());
    StartupReport report = again.startupReport();
    assertThat(report.mode()).isEqualTo(Mode.RECHECKED);
    assertThat(report.changedFiles()).containsExactly(2);
    assertThat(report.checkedPieces()).isEqualTo(7);
    assertThat(report.droppedPieces()).isEqualTo(1);
    assertThat(again.isComplete(4)).isFalse();
    assertThat(again.completed().count()).isEqualTo(12);
    assertThat(again.recorded()).isEqualTo(again.completed()); // recorded at once
    // Repair it; the next start trusts the new record.
    t.writePiece(again, 4, 256);
    assertThat(again.verifyAsync(4).join()).isTrue();
    again.close();
    TorrentStorage third = open(StorageOptions.defaults());
    assertThat(third.startupReport().mode()).isEqualTo(Mode.RESUMED);
    assertThat(third.completed().isFull()).isTrue();
    third.close();
  }

  @Test
  void aTruncatedFileLosesThePiecesPastItsEnd() throws IOException {
    TorrentStorage first = open(StorageOptions.defaults());
    downloadAll(first);
    first.close();
    try (FileChannel channel = FileChannel.open(file(2), StandardOpenOption.WRITE)) {
      channel.truncate(600); // torrent bytes up to 1600: pieces 0..5 whole, 6.. not
    }
    TorrentStorage again = open(StorageOptions.defaults());
    assertThat(again.startupReport().mode()).isEqualTo(Mode.RECHECKED);
    assertThat(again.startupReport().changedFiles()).containsExactly(2);
    assertThat(again.startupReport().checkedPieces()).isEqualTo(3); // 3, 4, 5 have their bytes
    assertThat(again.startupReport().droppedPieces()).isEqualTo(4); // 6..9
    assertThat(again.completed().stream().toArray()).containsExactly(0, 1, 2, 3, 4, 5, 10, 11, 12);
    assertThatThrownBy(() -> again.readBlock(7, 0, ByteBuffer.allocate(1)))
        .isInstanceOf(IllegalStateException.class);
    again.close();
  }

  @Test
  void checksExistingDataWhenThereIsNoResumeFile() throws IOException {
    Files.createDirectories(file(0).getParent());
    Files.write(file(0), t.file(0));
    byte[] partial = t.file(2).clone();
    partial[700] ^= 1; // torrent byte 1700: piece 6
    Files.write(file(2), java.util.Arrays.copyOf(partial, 1200)); // up to torrent byte 2200
    TorrentStorage storage = open(StorageOptions.defaults());
    StartupReport report = storage.startupReport();
    assertThat(report.mode()).isEqualTo(Mode.FULL_CHECK);
    assertThat(report.resumeProblem()).isEmpty();
    // Pieces 0..7 have all their bytes (piece 8 ends at 2304); piece 6 is wrong.
    assertThat(report.checkedPieces()).isEqualTo(8);
    assertThat(storage.completed().stream().toArray()).containsExactly(0, 1, 2, 3, 4, 5, 7);
    assertThat(ResumeData.read(resume()).orElseThrow().pieces()).isEqualTo(storage.completed());
    storage.close();
  }

  @Test
  void keepsTheStateFolderOutOfTheDownloadFolder() {
    InfoDict info =
        InfoDict.create(
            "t",
            16384,
            org.equinode.torrent.metainfo.PieceHashes.of(new byte[20]),
            List.of(new org.equinode.torrent.metainfo.FileEntry(FilePath.of("t"), 1)),
            false,
            false);
    assertThatThrownBy(
            () ->
                TorrentStorage.openOnDisk(
                    info,
                    downloads(),
                    downloads().resolve("state"),
                    FilePriority.allNormal(1),
                    StorageOptions.defaults(),
                    pool,
                    clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be inside the download folder");
  }
}
