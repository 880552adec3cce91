package org.equinode.chain.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equinode.chain.ChainHashes;
import org.equinode.common.Hex;
import org.equinode.common.MalformedException;
import org.equinode.common.TruncatedException;
import org.equinode.testing.Mutations;
import org.junit.jupiter.api.Test;

class BlockHeaderTest {
  @Test
  void exactLayout() {
    BlockHeader header = SampleBlocks.header();
    assertThat(Hex.encode(header.encode()))
        .isEqualTo(
            "01000000"
                + "77".repeat(32)
                + "11".repeat(32)
                + "22".repeat(32)
                + "00b9556900000000" // 2026-01-01T00:00:00Z
                + "ffff001d"
                + "0807060504030201");
    assertThat(header.encode()).hasSize(BlockHeader.ENCODED_LENGTH).hasSize(120);
    assertThat(header.hash().hash()).isEqualTo(ChainHashes.BLOCK.hash(header.encode()));
  }

  @Test
  void roundTrips() {
    BlockHeader header = SampleBlocks.header();
    assertThat(BlockHeader.decode(header.encode())).isEqualTo(header);
    assertThat(header.withNonce(9).nonce()).isEqualTo(9);
    assertThat(header.withNonce(9).hash()).isNotEqualTo(header.hash());
  }

  @Test
  void refusesBadFields() {
    byte[] bytes = SampleBlocks.header().encode();
    byte[] badBits = bytes.clone();
    badBits[4 + 96 + 8 + 2] = (byte) 0x80; // the sign bit of the compact target
    assertThatThrownBy(() -> BlockHeader.decode(badBits))
        .isInstanceOf(MalformedException.class)
        .hasMessage("compact target 0x1d80ffff has the sign bit set");
    byte[] badTime = bytes.clone();
    badTime[4 + 96 + 7] = (byte) 0x80;
    assertThatThrownBy(() -> BlockHeader.decode(badTime))
        .isInstanceOf(MalformedException.class)
        .hasMessageContaining("block time");
    assertThatThrownBy(() -> BlockHeader.decode(java.util.Arrays.copyOf(bytes, 119)))
        .isInstanceOf(TruncatedException.class);
    assertThatThrownBy(() -> BlockHeader.decode(java.util.Arrays.copyOf(bytes, 121)))
        .hasMessage("1 trailing bytes after block header");
  }

  @Test
  void miningFindsANonceThatMeetsTheTarget() {
    BlockHeader header = SampleBlocks.block().header();
    long nonce = 0;
    while (!header.withNonce(nonce).hasProofOfWork()) {
      nonce++;
    }
    BlockHeader mined = header.withNonce(nonce);
    assertThat(Hex.encode(mined.hash().hash().toByteArray())).startsWith("0");
    assertThat(SampleBlocks.EASY.isMetBy(mined.hash())).isTrue();
  }

  @Test
  void mutatedBytesDecodeCanonicallyOrAreRefused() {
    byte[] valid = SampleBlocks.header().encode();
    int refused = Mutations.check(valid, bytes -> BlockHeader.decode(bytes).encode(), 31, 3000);
    assertThat(refused).isPositive();
  }
}
