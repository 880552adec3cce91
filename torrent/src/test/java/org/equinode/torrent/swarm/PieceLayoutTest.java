package org.equinode.torrent.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PieceLayoutTest {
  private static final int BLOCK = PieceLayout.BLOCK_LENGTH;

  @Test
  void splitsIntoPiecesAndBlocks() {
    PieceLayout layout = new PieceLayout(2L * 4 * BLOCK + BLOCK + 100, 4 * BLOCK);
    assertThat(layout.pieceCount()).isEqualTo(3);
    assertThat(layout.pieceSize(0)).isEqualTo(4 * BLOCK);
    assertThat(layout.pieceSize(2)).isEqualTo(BLOCK + 100);
    assertThat(layout.blockCount(0)).isEqualTo(4);
    assertThat(layout.blockCount(2)).isEqualTo(2);
    assertThat(layout.maxBlocksPerPiece()).isEqualTo(4);
    assertThat(layout.block(2, 1)).isEqualTo(new BlockRequest(2, BLOCK, 100));
    assertThat(layout.block(1, 3)).isEqualTo(new BlockRequest(1, 3 * BLOCK, BLOCK));
  }

  @Test
  void aPieceShorterThanABlockIsOneBlock() {
    PieceLayout layout = new PieceLayout(1000, 512);
    assertThat(layout.pieceCount()).isEqualTo(2);
    assertThat(layout.block(1, 0)).isEqualTo(new BlockRequest(1, 0, 488));
  }

  @Test
  void recognisesItsBlocksOnly() {
    PieceLayout layout = new PieceLayout(2L * 4 * BLOCK + BLOCK + 100, 4 * BLOCK);
    assertThat(layout.isBlock(0, 0, BLOCK)).isTrue();
    assertThat(layout.isBlock(2, BLOCK, 100)).isTrue();
    assertThat(layout.isBlock(2, BLOCK, BLOCK)).isFalse();
    assertThat(layout.isBlock(0, 1, BLOCK)).isFalse();
    assertThat(layout.isBlock(0, 4 * BLOCK, BLOCK)).isFalse();
    assertThat(layout.isBlock(3, 0, BLOCK)).isFalse();
    assertThat(layout.isBlock(-1, 0, BLOCK)).isFalse();
    assertThat(layout.isBlock(0, -BLOCK, BLOCK)).isFalse();
    assertThat(layout.isBlock(0, 0, 0)).isFalse();
  }

  @Test
  void refusesImpossibleLayouts() {
    assertThatThrownBy(() -> new PieceLayout(0, BLOCK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("total length 0 does not make 1..2097152 pieces of 16384");
    assertThatThrownBy(() -> new PieceLayout((long) BLOCK * PieceLayout.MAX_PIECES + 1, BLOCK))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PieceLayout(100, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("piece length 0 is outside 1.." + PieceLayout.MAX_PIECE_LENGTH);
    PieceLayout layout = new PieceLayout(100, BLOCK);
    assertThatThrownBy(() -> layout.block(0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("block 1 is outside 0..0 of piece 0");
    assertThatThrownBy(() -> layout.pieceSize(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("piece 1 is outside 0..0");
  }

  @Test
  void blockRequestsValidateThemselves() {
    assertThat(new BlockRequest(3, 2 * BLOCK, 5).blockIndex()).isEqualTo(2);
    assertThat(new BlockRequest(3, 2 * BLOCK, 5)).hasToString("piece 3 [32768+5]");
    assertThatThrownBy(() -> new BlockRequest(0, 0, BLOCK + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("block length 16385 is outside 1..16384");
    assertThatThrownBy(() -> new BlockRequest(-1, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
