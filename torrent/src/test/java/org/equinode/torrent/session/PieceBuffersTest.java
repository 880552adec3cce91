package org.equinode.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.equinode.torrent.swarm.PieceLayout;
import org.junit.jupiter.api.Test;

class PieceBuffersTest {
  static final int PIECE = 32 * 1024;
  final PieceLayout layout = new PieceLayout(3 * PIECE + 100, PIECE);

  @Test
  void blocksArriveInAnyOrderAndTheLastOneCompletesThePiece() {
    PieceBuffers buffers = new PieceBuffers(layout, 4L * PIECE);
    PieceBuffers.Assembly a = buffers.claim(1).orElseThrow();
    assertThat(buffers.claim(1)).containsSame(a);
    byte[] second = filled(16 * 1024, 2);
    byte[] first = filled(16 * 1024, 1);
    ByteBuffer view = ByteBuffer.wrap(second, 0, second.length);
    a.put(16 * 1024, view);
    assertThat(view.remaining()).isEqualTo(second.length); // the socket's view is left alone
    assertThat(a.blockArrived()).isFalse();
    a.put(0, ByteBuffer.wrap(first));
    assertThat(a.blockArrived()).isTrue();
    ByteBuffer data = a.data();
    assertThat(data.remaining()).isEqualTo(PIECE);
    assertThat(data.get(0)).isEqualTo((byte) 1);
    assertThat(data.get(PIECE - 1)).isEqualTo((byte) 2);
  }

  @Test
  void theLastPieceIsShort() {
    PieceBuffers buffers = new PieceBuffers(layout, 4L * PIECE);
    PieceBuffers.Assembly last = buffers.claim(3).orElseThrow();
    last.put(0, ByteBuffer.wrap(filled(100, 9)));
    assertThat(last.blockArrived()).isTrue();
    assertThat(last.data().remaining()).isEqualTo(100);
  }

  @Test
  void piecesBeyondTheMemoryBoundGoToDiskUntilTheyAreFinished() {
    PieceBuffers buffers = new PieceBuffers(layout, 2L * PIECE);
    assertThat(buffers.claim(0)).isPresent();
    assertThat(buffers.claim(1)).isPresent();
    assertThat(buffers.claim(2)).isEmpty();
    assertThat(buffers.isOnDisk(2)).isTrue();
    assertThat(buffers.bytesHeld()).isEqualTo(2L * PIECE);
    buffers.finished(0);
    assertThat(buffers.claim(2)).isEmpty(); // this download of piece 2 stays on disk
    assertThat(buffers.bytesHeld()).isEqualTo(PIECE);
    buffers.finished(2);
    assertThat(buffers.isOnDisk(2)).isFalse();
    assertThat(buffers.claim(2)).isPresent(); // the next download of it is in memory
    assertThat(buffers.bytesHeld()).isEqualTo(2L * PIECE);
  }

  @Test
  void aReusedBufferStartsAtTheRightSize() {
    PieceBuffers buffers = new PieceBuffers(layout, 4L * PIECE);
    assertThat(buffers.claim(3)).isPresent();
    buffers.finished(3);
    PieceBuffers.Assembly full = buffers.claim(0).orElseThrow();
    assertThat(full.data().remaining()).isEqualTo(PIECE);
  }

  static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    java.util.Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
