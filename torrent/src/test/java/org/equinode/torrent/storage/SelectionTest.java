package org.equinode.torrent.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.equinode.testing.SeededRandom;
import org.equinode.testing.TestClock;
import org.equinode.torrent.PieceSet;
import org.equinode.torrent.metainfo.InfoHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelectionTest {
  @TempDir Path temp;

  @Test
  void aPieceIsWantedIfItTouchesAWantedFile() {
    RandomGenerator random = SeededRandom.of(21);
    FilePriority[] all = FilePriority.values();
    for (int round = 0; round < 300; round++) {
      TestTorrent t = TestTorrent.random(random, 1 << random.nextInt(0, 6), 10, 100);
      FileLayout layout = t.layout();
      List<FilePriority> priorities = new ArrayList<>();
      for (int f = 0; f < layout.fileCount(); f++) {
        priorities.add(all[random.nextInt(all.length)]);
      }
      Selection selection = Selection.of(layout, priorities);
      long wantedBytes = 0;
      for (int f = 0; f < layout.fileCount(); f++) {
        wantedBytes += priorities.get(f).isWanted() ? layout.fileLength(f) : 0;
      }
      assertThat(selection.wantedBytes()).isEqualTo(wantedBytes);
      for (int p = 0; p < layout.pieceCount(); p++) {
        FilePriority highest = FilePriority.SKIP;
        for (Span span : layout.pieceSpans(p)) {
          FilePriority mine = priorities.get(span.file());
          highest = mine.compareTo(highest) > 0 ? mine : highest;
        }
        assertThat(selection.piece(p)).as("round %d piece %d", round, p).isEqualTo(highest);
        assertThat(selection.wanted().contains(p)).isEqualTo(highest.isWanted());
      }
    }
  }

  @Test
  void refusesTheWrongNumberOfPriorities() {
    TestTorrent t = TestTorrent.of(1, 16, 10, 10);
    assertThatThrownBy(() -> Selection.of(t.layout(), FilePriority.allNormal(3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("3 priorities for 2 files");
  }

  @Test
  void downloadsOnlyWantedPiecesAndCreatesOnlyWhatTheyReach() throws IOException {
    // f0 0..250 | f1 250..350 | f2, f3 empty at 350 | f4 350..650 | f5 650..800; pieces of 100.
    TestTorrent t = TestTorrent.of(2, 100, 250, 100, 0, 0, 300, 150);
    List<FilePriority> priorities =
        List.of(
            FilePriority.NORMAL,
            FilePriority.SKIP,
            FilePriority.SKIP,
            FilePriority.NORMAL,
            FilePriority.SKIP,
            FilePriority.NORMAL);
    Path downloads = temp.resolve("dl");
    DiskPieceStore store =
        DiskPieceStore.open(t.layout(), t.hashes(), downloads, StorageOptions.defaults());
    TorrentStorage storage =
        TorrentStorage.open(
            InfoHash.of(new byte[20]),
            store,
            temp.resolve("state/t.resume"),
            priorities,
            StorageOptions.defaults(),
            Runnable::run,
            TestClock.fixed());
    PieceSet wanted = storage.wantedPieces();
    assertThat(wanted.stream().toArray()).containsExactly(0, 1, 2, 6, 7);
    assertThat(storage.progress().isDone()).isFalse();
    wanted.stream().forEach(p -> TorrentStorageTest.download(t, storage, p));

    assertThat(Files.exists(store.path(3))).isTrue(); // wanted and empty
    assertThat(Files.exists(store.path(2))).isFalse(); // skipped and empty
    // Skipped files that wanted pieces reach hold just those bytes, sparse.
    assertThat(Files.readAllBytes(store.path(1))).isEqualTo(Arrays.copyOf(t.file(1), 50));
    byte[] f4 = Files.readAllBytes(store.path(4));
    assertThat(f4).hasSize(300);
    assertThat(Arrays.copyOfRange(f4, 250, 300)).isEqualTo(Arrays.copyOfRange(t.file(4), 250, 300));
    assertThat(Arrays.copyOf(f4, 250)).isEqualTo(new byte[250]);

    Progress progress = storage.progress();
    assertThat(progress.totalBytes()).isEqualTo(800);
    assertThat(progress.wantedBytes()).isEqualTo(400);
    assertThat(progress.completedBytes()).isEqualTo(500);
    assertThat(progress.wantedCompletedBytes()).isEqualTo(400);
    assertThat(progress.completedPieces()).isEqualTo(5);
    assertThat(progress.wantedPieces()).isEqualTo(5);
    assertThat(progress.isDone()).isTrue();
    assertThat(progress.files())
        .extracting(Progress.FileProgress::completedBytes)
        .containsExactly(250L, 50L, 0L, 0L, 50L, 150L);
    assertThat(progress.files().get(0).isComplete()).isTrue();
    assertThat(progress.files().get(3).isComplete()).isTrue();
    assertThat(progress.files().get(4).isComplete()).isFalse();
    assertThat(progress.files().get(5).path().toString()).isEqualTo("t/f5");

    storage.setPriority(4, FilePriority.HIGH);
    assertThat(storage.wantedPieces().stream().toArray()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    assertThat(storage.piecePriority(3)).isEqualTo(FilePriority.HIGH);
    assertThat(storage.piecePriority(2)).isEqualTo(FilePriority.NORMAL);
    assertThat(storage.piecePriority(7)).isEqualTo(FilePriority.NORMAL);
    assertThat(storage.progress().isDone()).isFalse();
    assertThat(storage.progress().wantedBytes()).isEqualTo(700);
    storage.setPriority(2, FilePriority.NORMAL);
    assertThat(Files.exists(store.path(2))).isTrue();
    storage.close();

    // The completed pieces and the per-file counts come back after a restart.
    TorrentStorage again =
        TorrentStorage.open(
            InfoHash.of(new byte[20]),
            DiskPieceStore.open(t.layout(), t.hashes(), downloads, StorageOptions.defaults()),
            temp.resolve("state/t.resume"),
            priorities,
            StorageOptions.defaults(),
            Runnable::run,
            TestClock.fixed());
    assertThat(again.progress()).isEqualTo(progress);
    again.close();
  }
}
