package org.equinode.torrent.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.equinode.testing.SeededRandom;
import org.equinode.torrent.metainfo.FileEntry;
import org.equinode.torrent.metainfo.FilePath;
import org.junit.jupiter.api.Test;

class FileLayoutTest {
  static List<FileEntry> files(long... lengths) {
    List<FileEntry> out = new ArrayList<>();
    for (int i = 0; i < lengths.length; i++) {
      out.add(new FileEntry(FilePath.of("t", "f" + i), lengths[i]));
    }
    return out;
  }

  @Test
  void mapsASingleFile() {
    FileLayout layout = FileLayout.of(16, files(40));
    assertThat(layout.pieceCount()).isEqualTo(3);
    assertThat(layout.pieceSize(0)).isEqualTo(16);
    assertThat(layout.pieceSize(2)).isEqualTo(8);
    assertThat(layout.spans(1, 4, 12)).containsExactly(new Span(0, 20, 12));
    assertThat(layout.pieceSpans(2)).containsExactly(new Span(0, 32, 8));
    assertThat(layout.piecesOf(0)).isEqualTo(new PieceRange(0, 3));
  }

  @Test
  void skipsZeroLengthFilesEverywhere() {
    // Empty files first, between and last.
    FileLayout layout = FileLayout.of(8, files(0, 0, 5, 0, 3, 0, 8, 0));
    assertThat(layout.totalLength()).isEqualTo(16);
    assertThat(layout.pieceSpans(0)).containsExactly(new Span(2, 0, 5), new Span(4, 0, 3));
    assertThat(layout.pieceSpans(1)).containsExactly(new Span(6, 0, 8));
    assertThat(layout.fileAt(0)).isEqualTo(2);
    assertThat(layout.fileAt(5)).isEqualTo(4);
    assertThat(layout.fileAt(8)).isEqualTo(6);
    assertThat(layout.piecesOf(0).isEmpty()).isTrue();
    assertThat(layout.piecesOf(3).isEmpty()).isTrue();
    assertThat(layout.piecesOf(7)).isEqualTo(new PieceRange(2, 2));
    assertThat(layout.piecesOf(4)).isEqualTo(new PieceRange(0, 1));
  }

  @Test
  void aPieceSpansManyFiles() {
    FileLayout layout = FileLayout.of(64, files(1, 1, 1, 0, 1, 100));
    assertThat(layout.spans(0, 1, 5))
        .containsExactly(
            new Span(1, 0, 1), new Span(2, 0, 1), new Span(4, 0, 1), new Span(5, 0, 2));
    assertThat(layout.piecesOf(5)).isEqualTo(new PieceRange(0, 2));
  }

  @Test
  void refusesRangesOutsideAPiece() {
    FileLayout layout = FileLayout.of(16, files(40));
    assertThatThrownBy(() -> layout.spans(2, 0, 9))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("bytes 0+9 are outside piece 2 of 8");
    assertThatThrownBy(() -> layout.spans(0, -1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> layout.spans(0, 17, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> layout.spans(3, 0, 1))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("piece 3 of 3");
    assertThat(layout.spans(0, 16, 0)).isEmpty();
    assertThatThrownBy(() -> layout.fileAt(40)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void refusesEmptyTorrents() {
    assertThatThrownBy(() -> FileLayout.of(16, files(0, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a torrent holds at least one byte");
    assertThatThrownBy(() -> FileLayout.of(16, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FileLayout.of(0, files(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void agreesWithANaiveByteByByteMapping() {
    RandomGenerator random = SeededRandom.of(42);
    for (int round = 0; round < 400; round++) {
      int fileCount = random.nextInt(1, 12);
      long[] lengths = new long[fileCount];
      for (int i = 0; i < fileCount; i++) {
        // Many empty and tiny files, some larger than a piece.
        lengths[i] =
            switch (random.nextInt(4)) {
              case 0 -> 0;
              case 1 -> random.nextInt(1, 4);
              default -> random.nextInt(1, 200);
            };
      }
      lengths[random.nextInt(fileCount)] += 1; // at least one byte
      int pieceLength = 1 << random.nextInt(0, 7);
      FileLayout layout = FileLayout.of(pieceLength, files(lengths));
      Naive naive = new Naive(lengths);
      String seed = "round " + round + ", lengths " + java.util.Arrays.toString(lengths);

      assertThat(layout.totalLength()).as(seed).isEqualTo(naive.total);
      assertThat(layout.pieceCount())
          .as(seed)
          .isEqualTo((int) ((naive.total + pieceLength - 1) / pieceLength));
      for (long offset = 0; offset < naive.total; offset++) {
        assertThat(layout.fileAt(offset)).as(seed).isEqualTo(naive.fileAt(offset));
      }
      for (int piece = 0; piece < layout.pieceCount(); piece++) {
        int size = layout.pieceSize(piece);
        assertThat(layout.pieceSpans(piece))
            .as(seed)
            .isEqualTo(naive.spans((long) piece * pieceLength, size));
        int offset = random.nextInt(size + 1);
        int length = random.nextInt(size - offset + 1);
        assertThat(layout.spans(piece, offset, length))
            .as(seed)
            .isEqualTo(naive.spans((long) piece * pieceLength + offset, length));
      }
      for (int file = 0; file < fileCount; file++) {
        PieceRange range = layout.piecesOf(file);
        for (int piece = 0; piece < layout.pieceCount(); piece++) {
          final int f = file;
          boolean touches = layout.pieceSpans(piece).stream().anyMatch(s -> s.file() == f);
          assertThat(range.contains(piece)).as(seed + ", file " + file).isEqualTo(touches);
        }
      }
    }
  }

  /** Byte by byte, scanning every file: slow and obviously right. */
  private static final class Naive {
    final long[] lengths;
    final long total;

    Naive(long[] lengths) {
      this.lengths = lengths;
      long sum = 0;
      for (long length : lengths) {
        sum += length;
      }
      this.total = sum;
    }

    int fileAt(long offset) {
      long start = 0;
      for (int i = 0; i < lengths.length; i++) {
        if (offset >= start && offset < start + lengths[i]) {
          return i;
        }
        start += lengths[i];
      }
      throw new AssertionError("offset " + offset + " is in no file");
    }

    long fileOffset(int file, long offset) {
      long start = 0;
      for (int i = 0; i < file; i++) {
        start += lengths[i];
      }
      return offset - start;
    }

    List<Span> spans(long from, int length) {
      List<Span> out = new ArrayList<>();
      for (long at = from; at < from + length; at++) {
        int file = fileAt(at);
        if (!out.isEmpty() && out.getLast().file() == file) {
          Span last = out.removeLast();
          out.add(new Span(file, last.fileOffset(), last.length() + 1));
        } else {
          out.add(new Span(file, fileOffset(file, at), 1));
        }
      }
      return out;
    }
  }
}
