package org.equinode.torrent.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equinode.torrent.storage.StorageException.Reason;
import org.junit.jupiter.api.Test;

class MemoryPieceStoreTest extends PieceStoreContract {
  @Override
  PieceStore newStore(TestTorrent torrent) {
    return MemoryPieceStore.create(torrent.layout(), torrent.hashes());
  }

  @Test
  void aCrashLosesWhatWasNotSynced() {
    TestTorrent t = TestTorrent.of(1, 16, 40, 24);
    MemoryPieceStore store = MemoryPieceStore.create(t.layout(), t.hashes());
    t.writePiece(store, 0, 16);
    store.sync();
    t.writePiece(store, 1, 16);
    t.writePiece(store, 3, 16);
    MemoryPieceStore after = store.afterCrash();
    assertThat(after.verifyPiece(0)).isTrue();
    assertThat(after.verifyPiece(1)).isFalse();
    assertThat(after.fileState(1)).isEmpty();
    assertThat(store.verifyPiece(1)).isTrue();
  }

  @Test
  void aFullStoreRefusesTheWriteWhole() {
    TestTorrent t = TestTorrent.of(2, 16, 40);
    MemoryPieceStore store = MemoryPieceStore.withCapacity(t.layout(), t.hashes(), 20);
    store.writeBlock(0, 0, t.block(0, 0, 16));
    assertThatThrownBy(() -> store.writeBlock(1, 0, t.block(1, 0, 16)))
        .isInstanceOfSatisfying(
            StorageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_SPACE))
        .hasMessage("cannot write 't/f0': no space left on device");
    assertThat(store.fileState(0).orElseThrow().size()).isEqualTo(16);
  }
}
