package org.equinode.torrent.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.equinode.testing.SeededRandom;
import org.equinode.torrent.storage.StorageException.Reason;
import org.junit.jupiter.api.Test;

/** What every {@link PieceStore} does; each backend runs these through a subclass. */
abstract class PieceStoreContract {
  /** A new, empty store for {@code torrent}. */
  abstract PieceStore newStore(TestTorrent torrent);

  @Test
  void writesAndReadsBackAcrossFiles() {
    RandomGenerator random = SeededRandom.of(11);
    for (int round = 0; round < 30; round++) {
      TestTorrent t = TestTorrent.random(random, 64, 8, 300);
      try (PieceStore store = newStore(t)) {
        List<Integer> order = new ArrayList<>();
        for (int p = 0; p < t.layout().pieceCount(); p++) {
          order.add(p);
          assertThat(store.verifyPiece(p)).isFalse();
        }
        Collections.shuffle(order, new java.util.Random(round));
        for (int p : order) {
          t.writePiece(store, p, 1 + random.nextInt(64));
        }
        for (int p = 0; p < t.layout().pieceCount(); p++) {
          assertThat(store.verifyPiece(p)).as("round %d piece %d", round, p).isTrue();
          int size = t.layout().pieceSize(p);
          int offset = random.nextInt(size);
          int length = random.nextInt(size - offset + 1);
          ByteBuffer into = ByteBuffer.allocate(length);
          store.readBlock(p, offset, into);
          assertThat(into.position()).isEqualTo(length);
          assertThat(into.array()).isEqualTo(t.block(p, offset, length).array());
        }
      }
    }
  }

  @Test
  void aWriteConsumesTheBufferAndKeepsItsLimit() {
    TestTorrent t = TestTorrent.of(1, 16, 10, 10, 12);
    try (PieceStore store = newStore(t)) {
      ByteBuffer data = ByteBuffer.allocate(40);
      data.put(t.block(0, 0, 16)).flip();
      data.position(2);
      data.limit(10);
      store.writeBlock(0, 2, data);
      assertThat(data.position()).isEqualTo(10);
      assertThat(data.limit()).isEqualTo(10);
    }
  }

  @Test
  void aWrongBlockFailsItsPieceAndOnlyIt() {
    TestTorrent t = TestTorrent.of(2, 32, 50, 30);
    try (PieceStore store = newStore(t)) {
      for (int p = 0; p < 3; p++) {
        t.writePiece(store, p, 16);
      }
      ByteBuffer bad = t.block(1, 4, 8);
      bad.put(3, (byte) (bad.get(3) ^ 1));
      store.writeBlock(1, 4, bad);
      assertThat(store.verifyPiece(0)).isTrue();
      assertThat(store.verifyPiece(1)).isFalse();
      assertThat(store.verifyPiece(2)).isTrue();
    }
  }

  @Test
  void aPieceWithMissingDataFailsAndReadingItIsAnError() {
    TestTorrent t = TestTorrent.of(3, 16, 20, 20);
    try (PieceStore store = newStore(t)) {
      store.writeBlock(1, 0, t.block(1, 0, 4)); // piece 1 = f0[16..20) + f1[0..12)
      assertThat(store.verifyPiece(1)).isFalse();
      assertThatThrownBy(() -> store.readBlock(1, 0, ByteBuffer.allocate(16)))
          .isInstanceOfSatisfying(
              StorageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING))
          .hasMessageContaining("f1");
      assertThat(store.fileState(0)).isPresent();
      assertThat(store.fileState(1)).isEmpty();
    }
  }

  @Test
  void filesGrowAsWrittenAndReportChanges() {
    TestTorrent t = TestTorrent.of(4, 16, 40, 8);
    try (PieceStore store = newStore(t)) {
      assertThat(store.fileState(0)).isEmpty();
      store.writeBlock(1, 0, t.block(1, 0, 8)); // f0[16..24)
      FileState first = store.fileState(0).orElseThrow();
      assertThat(first.size()).isEqualTo(24);
      store.writeBlock(2, 0, t.block(2, 0, 16)); // f0[32..40) + f1[0..8)
      assertThat(store.fileState(0).orElseThrow().size()).isEqualTo(40);
      assertThat(store.fileState(1).orElseThrow().size()).isEqualTo(8);
    }
  }

  @Test
  void ensureFileCreatesAnEmptyFile() {
    TestTorrent t = TestTorrent.of(5, 16, 0, 20, 0);
    try (PieceStore store = newStore(t)) {
      store.ensureFile(0);
      store.ensureFile(0);
      assertThat(store.fileState(0)).hasValueSatisfying(s -> assertThat(s.size()).isZero());
      assertThat(store.fileState(2)).isEmpty();
    }
  }

  @Test
  void refusesRangesOutsideThePiece() {
    TestTorrent t = TestTorrent.of(6, 16, 20);
    try (PieceStore store = newStore(t)) {
      assertThatThrownBy(() -> store.writeBlock(1, 2, ByteBuffer.allocate(3)))
          .isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> store.readBlock(2, 0, ByteBuffer.allocate(1)))
          .isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> store.verifyPiece(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
  }

  @Test
  void manyThreadsWriteDifferentPiecesAtOnce() throws Exception {
    TestTorrent t = TestTorrent.of(7, 1024, 5000, 0, 70_000, 1, 33_333, 4096);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (PieceStore store = newStore(t)) {
      List<Future<?>> done = new ArrayList<>();
      for (int p = 0; p < t.layout().pieceCount(); p++) {
        int piece = p;
        done.add(pool.submit(() -> t.writePiece(store, piece, 256)));
      }
      for (Future<?> f : done) {
        f.get();
      }
      store.sync();
      for (int p = 0; p < t.layout().pieceCount(); p++) {
        assertThat(store.verifyPiece(p)).as("piece %d", p).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
