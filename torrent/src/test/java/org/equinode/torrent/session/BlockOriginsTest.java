package org.equinode.torrent.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.equinode.torrent.swarm.ConnectionId;
import org.equinode.torrent.swarm.PieceLayout;
import org.junit.jupiter.api.Test;

class BlockOriginsTest {
  private static final PieceLayout LAYOUT = new PieceLayout(10 * 64 * 1024, 64 * 1024);
  private static final ConnectionId HONEST = new ConnectionId(1);
  private static final ConnectionId LIAR = new ConnectionId(2);

  private static int crcOf(int value) {
    return BlockOrigins.crc(ByteBuffer.allocate(16 * 1024).putInt(0, value));
  }

  @Test
  void namesOnlyTheSendersOfBlocksThatDifferFromTheGoodPiece() {
    BlockOrigins origins = new BlockOrigins(LAYOUT);
    origins.record(3, 0, HONEST, crcOf(0));
    origins.record(3, 1, LIAR, crcOf(999));
    origins.record(3, 2, HONEST, crcOf(2));
    origins.record(3, 3, LIAR, crcOf(3)); // the liar sent one block right
    origins.failed(3, Optional.empty());
    origins.record(3, 0, HONEST, crcOf(0));
    List<BlockOrigins.Round> failed = origins.verified(3);
    assertThat(failed).hasSize(1);
    assertThat(BlockOrigins.culprits(failed, BlockOriginsTest::crcOf)).containsExactly(LIAR);
    assertThat(origins.verified(3)).isEmpty();
  }

  @Test
  void aPieceInMemoryIsSummedFromItsBufferWhenItFails() {
    BlockOrigins origins = new BlockOrigins(LAYOUT);
    ByteBuffer piece = ByteBuffer.allocateDirect(64 * 1024);
    for (int block = 0; block < 4; block++) {
      piece.putInt(block * 16 * 1024, block);
    }
    piece.putInt(2 * 16 * 1024, 999); // the liar's block
    origins.record(5, 0, HONEST);
    origins.record(5, 1, HONEST);
    origins.record(5, 2, LIAR);
    origins.failed(5, Optional.of(piece.asReadOnlyBuffer()));
    List<BlockOrigins.Round> failed = origins.verified(5);
    assertThat(BlockOrigins.culprits(failed, BlockOriginsTest::crcOf)).containsExactly(LIAR);
  }

  @Test
  void blocksLeftWithoutACrcNameNobody() {
    BlockOrigins origins = new BlockOrigins(LAYOUT);
    origins.record(5, 0, LIAR);
    origins.failed(5, Optional.empty());
    assertThat(BlockOrigins.culprits(origins.verified(5), BlockOriginsTest::crcOf)).isEmpty();
  }

  @Test
  void aPieceThatNeverFailedNamesNobody() {
    BlockOrigins origins = new BlockOrigins(LAYOUT);
    origins.record(1, 0, LIAR, crcOf(0));
    assertThat(origins.verified(1)).isEmpty();
    assertThat(BlockOrigins.culprits(List.of(), BlockOriginsTest::crcOf)).isEmpty();
  }

  @Test
  void theCrcLeavesTheBufferAsItWas() {
    ByteBuffer data = ByteBuffer.wrap(new byte[] {1, 2, 3, 4});
    data.position(1);
    int crc = BlockOrigins.crc(data);
    assertThat(data.position()).isEqualTo(1);
    assertThat(crc).isEqualTo(BlockOrigins.crc(ByteBuffer.wrap(new byte[] {2, 3, 4})));
  }
}
