package org.equinode.torrent.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.equinode.testing.SeededRandom;
import org.equinode.testing.TestClock;
import org.equinode.torrent.PieceSet;
import org.equinode.torrent.metainfo.InfoHash;
import org.equinode.torrent.storage.StartupReport.Mode;
import org.equinode.torrent.storage.StorageException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completion, durability and errors, on the memory store (which can simulate a crash). */
class TorrentStorageTest {
  static final InfoHash HASH = InfoHash.of(new byte[20]);
  static final Executor DIRECT = Runnable::run;

  @TempDir Path temp;
  final TestClock clock = TestClock.fixed();

  TorrentStorage open(PieceStore store, StorageOptions options) {
    return TorrentStorage.open(
        HASH,
        store,
        temp.resolve("t.resume"),
        FilePriority.allNormal(store.layout().fileCount()),
        options,
        DIRECT,
        clock);
  }

  static StorageOptions syncEvery(long bytes) {
    return StorageOptions.defaults().withSync(bytes, Duration.ofHours(1));
  }

  static void download(TestTorrent t, TorrentStorage storage, int piece) {
    int size = t.layout().pieceSize(piece);
    for (int offset = 0; offset < size; offset += 16) {
      assertThat(
              storage.writeBlock(
                  piece, offset, t.block(piece, offset, Math.min(16, size - offset))))
          .isTrue();
    }
    assertThat(storage.verifyAsync(piece).join()).isTrue();
  }

  static PieceSet range(int size, int from, int to) {
    java.util.BitSet bits = new java.util.BitSet();
    bits.set(from, to);
    return PieceSet.of(size, bits);
  }

  @Test
  void startsFreshAndRecordsEveryFewPieces() {
    TestTorrent t = TestTorrent.of(1, 32, 100, 0, 220);
    MemoryPieceStore store = MemoryPieceStore.create(t.layout(), t.hashes());
    TorrentStorage storage = open(store, syncEvery(3 * 32));
    assertThat(storage.startupReport().mode()).isEqualTo(Mode.FRESH);
    int n = t.layout().pieceCount();
    for (int p = 0; p < n; p++) {
      download(t, storage, p);
      assertThat(storage.completed().count()).isEqualTo(p + 1);
      assertThat(storage.recorded().count()).isEqualTo((p + 1) / 3 * 3);
    }
    storage.close();
    assertThat(storage.recorded().isFull()).isTrue();

    TorrentStorage again = open(store, syncEvery(3 * 32));
    assertThat(again.startupReport().mode()).isEqualTo(Mode.RESUMED);
    assertThat(again.startupReport().checkedPieces()).isZero();
    assertThat(again.completed().isFull()).isTrue();
  }

  @Test
  void aCrashKeepsOnlySyncedAndRecordedPieces() {
    TestTorrent t = TestTorrent.of(2, 32, 150, 170);
    MemoryPieceStore store = MemoryPieceStore.create(t.layout(), t.hashes());
    TorrentStorage storage = open(store, syncEvery(3 * 32));
    for (int p = 0; p < 8; p++) {
      download(t, storage, p);
    }
    t.writePiece(store, 8, 16); // written, never verified
    // The object is dropped without close(); the machine loses what was not synced.
    MemoryPieceStore crashed = store.afterCrash();
    TorrentStorage reopened = open(crashed, syncEvery(3 * 32));
    assertThat(reopened.completed()).isEqualTo(range(t.layout().pieceCount(), 0, 6));
    assertThat(crashed.verifyPiece(6)).isFalse();
    for (int p = 0; p < 6; p++) {
      assertThat(crashed.verifyPiece(p)).isTrue();
    }
  }

  @Test
  void aRecordNeverListsAPieceTheDiskWouldLose() throws Exception {
    // Writers and verifiers race with checkpoints; at random moments the machine "crashes":
    // every piece the resume file lists at that moment must be whole on the crashed store.
    RandomGenerator random = SeededRandom.of(9);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 20; round++) {
        TestTorrent t = TestTorrent.random(random, 64, 6, 2000);
        MemoryPieceStore store = MemoryPieceStore.create(t.layout(), t.hashes());
        Path resume = temp.resolve("race" + round + ".resume");
        TorrentStorage storage =
            TorrentStorage.open(
                HASH,
                store,
                resume,
                FilePriority.allNormal(t.layout().fileCount()),
                syncEvery(3 * 64),
                pool,
                clock);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<?>> workers = new ArrayList<>();
        java.util.Queue<java.util.concurrent.CompletableFuture<Boolean>> verifications =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
        int n = t.layout().pieceCount();
        for (int w = 0; w < 3; w++) {
          int first = w;
          workers.add(
              pool.submit(
                  () -> {
                    for (int p = first; p < n && !stop.get(); p += 3) {
                      t.writePiece(storage, p, 16);
                      verifications.add(storage.verifyAsync(p));
                    }
                  }));
        }
        for (int crash = 0; crash < 5; crash++) {
          Thread.sleep(random.nextInt(3));
          // The record first, the crash after: a record is only ever written after its sync,
          // and synced data only grows (complete pieces take no more writes).
          java.util.Optional<ResumeData> record = ResumeData.read(resume);
          MemoryPieceStore crashed = store.afterCrash();
          if (record.isPresent()) {
            PieceSet listed = record.get().pieces();
            for (int p = listed.stream().findFirst().orElse(-1); p >= 0; p = next(listed, p)) {
              assertThat(crashed.verifyPiece(p)).as("round %d piece %d", round, p).isTrue();
            }
          }
        }
        stop.set(true);
        for (Future<?> f : workers) {
          f.get();
        }
        for (java.util.concurrent.CompletableFuture<Boolean> v : verifications) {
          assertThat(v.join()).isTrue();
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static int next(PieceSet set, int after) {
    return IntStream.range(after + 1, set.size()).filter(set::contains).findFirst().orElse(-1);
  }

  @Test
  void completePiecesIgnoreWritesAndOnlyTheyAreRead() {
    TestTorrent t = TestTorrent.of(3, 32, 64);
    MemoryPieceStore store = MemoryPieceStore.create(t.layout(), t.hashes());
    TorrentStorage storage = open(store, StorageOptions.defaults());
    download(t, storage, 0);
    assertThat(storage.writeBlock(0, 0, ByteBuffer.allocate(16))).isFalse();
    assertThat(store.verifyPiece(0)).isTrue();
    ByteBuffer into = ByteBuffer.allocate(10);
    storage.readBlock(0, 5, into);
    assertThat(into.array()).isEqualTo(t.block(0, 5, 10).array());
    assertThatThrownBy(() -> storage.readBlock(1, 0, ByteBuffer.allocate(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("piece 1 is not complete");
    assertThat(storage.verifyAsync(0).join()).isTrue();
  }

  @Test
  void aPieceCommittedFromMemoryIsWrittenOnlyIfItHashesRight() {
    TestTorrent t = TestTorrent.of(5, 32, 80);
    MemoryPieceStore store = MemoryPieceStore.create(t.layout(), t.hashes());
    TorrentStorage storage = open(store, syncEvery(64));
    byte[] wrong = t.piece(1);
    wrong[7] ^= 1;
    assertThat(storage.commitAsync(1, ByteBuffer.wrap(wrong)).join()).isFalse();
    assertThat(storage.isComplete(1)).isFalse();
    assertThatThrownBy(() -> store.readBlock(1, 0, ByteBuffer.allocate(32)))
        .isInstanceOf(StorageException.class); // nothing was written
    for (int p = 0; p < t.layout().pieceCount(); p++) {
      ByteBuffer data = ByteBuffer.allocateDirect(t.layout().pieceSize(p)).put(t.piece(p)).flip();
      assertThat(storage.commitAsync(p, data).join()).isTrue();
      assertThat(data.remaining()).isEqualTo(t.layout().pieceSize(p));
      assertThat(storage.isComplete(p)).isTrue();
    }
    assertThat(storage.recorded().count()).isEqualTo(2); // the first checkpoint after 64 bytes
    storage.close();
    for (int p = 0; p < t.layout().pieceCount(); p++) {
      assertThat(store.verifyPiece(p)).isTrue();
    }
    assertThat(storage.recorded().isFull()).isTrue();
  }

  @Test
  void aCommitOfTheWrongSizeIsRefused() {
    TestTorrent t = TestTorrent.of(6, 32, 80);
    TorrentStorage storage =
        open(MemoryPieceStore.create(t.layout(), t.hashes()), StorageOptions.defaults());
    assertThatThrownBy(() -> storage.commitAsync(2, ByteBuffer.allocate(32)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("32 bytes for piece 2 of 16 bytes");
  }

  @Test
  void aFailedPieceCanBeWrittenAgain() {
    TestTorrent t = TestTorrent.of(4, 32, 64);
    TorrentStorage storage =
        open(MemoryPieceStore.create(t.layout(), t.hashes()), StorageOptions.defaults());
    storage.writeBlock(1, 0, ByteBuffer.allocate(32));
    assertThat(storage.verifyAsync(1).join()).isFalse();
    assertThat(storage.isComplete(1)).isFalse();
    download(t, storage, 1);
    assertThat(storage.isComplete(1)).isTrue();
  }

  @Test
  void recordsAfterTheIntervalWhenPiecesTrickle() {
    TestTorrent t = TestTorrent.of(5, 32, 128);
    TorrentStorage storage =
        open(
            MemoryPieceStore.create(t.layout(), t.hashes()),
            StorageOptions.defaults().withSync(1 << 20, Duration.ofSeconds(10)));
    download(t, storage, 0);
    clock.advance(Duration.ofSeconds(9));
    storage.checkpointIfDue();
    assertThat(storage.recorded().isEmpty()).isTrue();
    clock.advance(Duration.ofSeconds(1));
    storage.checkpointIfDue();
    assertThat(storage.recorded().contains(0)).isTrue();
  }

  @Test
  void aFullDiskIsKeptAsTheErrorAndNothingBreaks() {
    TestTorrent t = TestTorrent.of(6, 32, 40, 40);
    MemoryPieceStore store = MemoryPieceStore.withCapacity(t.layout(), t.hashes(), 50);
    TorrentStorage storage = open(store, StorageOptions.defaults());
    download(t, storage, 0);
    assertThatThrownBy(() -> storage.writeBlock(1, 0, t.block(1, 0, 32)))
        .isInstanceOfSatisfying(
            StorageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_SPACE));
    assertThat(storage.error())
        .hasValueSatisfying(e -> assertThat(e.reason()).isEqualTo(Reason.NO_SPACE));
    assertThat(storage.isComplete(1)).isFalse();
    // Still consistent: the complete piece is served, a checkpoint records it.
    storage.readBlock(0, 0, ByteBuffer.allocate(32));
    storage.checkpoint();
    assertThat(storage.recorded().contains(0)).isTrue();
    storage.clearError();
    assertThat(storage.error()).isEmpty();
    storage.close();
    assertThatThrownBy(() -> storage.writeBlock(1, 0, ByteBuffer.allocate(1)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void ignoresResumeDataOfAnotherTorrentOrBroken() throws Exception {
    TestTorrent t = TestTorrent.of(7, 32, 64);
    MemoryPieceStore store = MemoryPieceStore.create(t.layout(), t.hashes());
    TorrentStorage first = open(store, StorageOptions.defaults());
    download(t, first, 0);
    first.close();
    TorrentStorage other =
        TorrentStorage.open(
            InfoHash.of(
                new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}),
            store,
            temp.resolve("t.resume"),
            FilePriority.allNormal(1),
            StorageOptions.defaults(),
            DIRECT,
            clock);
    assertThat(other.startupReport().mode()).isEqualTo(Mode.FULL_CHECK);
    assertThat(other.startupReport().resumeProblem().orElseThrow())
        .startsWith("resume data is for another torrent");
    java.nio.file.Files.write(temp.resolve("t.resume"), new byte[] {'d'});
    TorrentStorage broken = open(store, StorageOptions.defaults());
    assertThat(broken.startupReport().mode()).isEqualTo(Mode.FULL_CHECK);
    assertThat(broken.startupReport().resumeProblem().orElseThrow())
        .contains("is unusable: resume data is not canonical bencoding");
    assertThat(broken.completed()).isEqualTo(range(2, 0, 1));
  }

  @Test
  void aMissingFileDropsItsPieces() {
    TestTorrent t = TestTorrent.of(8, 32, 40, 40, 40);
    MemoryPieceStore store = MemoryPieceStore.create(t.layout(), t.hashes());
    TorrentStorage storage = open(store, StorageOptions.defaults());
    for (int p = 0; p < t.layout().pieceCount(); p++) {
      download(t, storage, p);
    }
    storage.close();
    store.delete(1); // bytes 40..80: pieces 1 and 2
    TorrentStorage again = open(store, StorageOptions.defaults());
    assertThat(again.startupReport().mode()).isEqualTo(Mode.RECHECKED);
    assertThat(again.startupReport().changedFiles()).containsExactly(1);
    assertThat(again.startupReport().checkedPieces()).isZero(); // no data: nothing to hash
    assertThat(again.startupReport().droppedPieces()).isEqualTo(2);
    assertThat(again.completed().stream().toArray()).containsExactly(0, 3);
  }
}
