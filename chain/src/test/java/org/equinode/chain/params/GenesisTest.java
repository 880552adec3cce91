package org.equinode.chain.params;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.equinode.chain.Amount;
import org.equinode.chain.BlockHash;
import org.equinode.chain.block.Block;
import org.equinode.chain.tx.InputWitness;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.Tx;
import org.equinode.common.Hash32;
import org.equinode.common.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GenesisTest {
  private static final BlockHash MAIN =
      BlockHash.parse("00000bda25d07d12a145f0af7bdcfe46e8ae92c9eadd0e5d594f26e2ad394df3");
  private static final BlockHash TEST =
      BlockHash.parse("00000a3f8916c3bc59afd0db7d9f7c71d4220df0b221c8fdde2fb9a2c13d10ba");
  private static final BlockHash DEV =
      BlockHash.parse("0022a1e6044e1fa85b115d947b1c7bb9d900c854812e1ab7531d36ff126639be");

  @Test
  void hashesAreTheHardCodedOnes() {
    assertThat(ChainParams.of(Network.MAIN).genesisHash()).isEqualTo(MAIN);
    assertThat(ChainParams.of(Network.TEST).genesisHash()).isEqualTo(TEST);
    assertThat(ChainParams.of(Network.DEV).genesisHash()).isEqualTo(DEV);
  }

  @Test
  void everyNetworkHasItsOwnGenesis() {
    Set<BlockHash> hashes =
        Stream.of(Network.values())
            .map(network -> ChainParams.of(network).genesisHash())
            .collect(Collectors.toSet());
    assertThat(hashes).hasSize(3);
  }

  @ParameterizedTest
  @EnumSource(Network.class)
  void meetsItsTargetWhichIsThePowLimit(Network network) {
    ChainParams params = ChainParams.of(network);
    Block genesis = params.genesis();
    assertThat(genesis.header().hasProofOfWork()).isTrue();
    assertThat(genesis.header().bits()).isEqualTo(params.powLimit());
    assertThat(genesis.rootsMatch()).isTrue();
    assertThat(genesis.header().previous().hash()).isEqualTo(Hash32.ZERO);
  }

  @Test
  void theMinerFindsTheDevNonce() {
    // MAIN and TEST take a million hashes or two each: their hashes are pinned above instead.
    var header = ChainParams.of(Network.DEV).genesis().header();
    assertThat(GenesisMiner.grind(header.withNonce(0))).isEqualTo(header.nonce());
  }

  @ParameterizedTest
  @EnumSource(Network.class)
  void paysTheFirstSubsidyToTheHashOfItsMessage(Network network) {
    ChainParams params = ChainParams.of(network);
    Tx coinbase = params.genesis().txs().get(0);
    assertThat(params.genesis().txs()).hasSize(1);
    assertThat(coinbase.body().inputs()).containsExactly(OutPoint.NULL);
    assertThat(coinbase.body().lockTime()).isZero();
    assertThat(coinbase.body().outputs()).hasSize(1);
    assertThat(coinbase.body().outputs().get(0).amount()).isEqualTo(Amount.ofEq(50));

    byte[] data = ((InputWitness.Coinbase) coinbase.witnesses().get(0)).data();
    String message = new String(data, StandardCharsets.UTF_8);
    assertThat(message).startsWith("Equinode");
    // Longer than a preimage: no one knows 32 bytes whose SHA-256 is the lock's digest.
    assertThat(data.length).isGreaterThan(32).isLessThanOrEqualTo(Tx.MAX_COINBASE_DATA);
    assertThat(coinbase.body().outputs().get(0).lockHash())
        .isEqualTo(Genesis.unspendableLock(message).hash());
  }

  @ParameterizedTest
  @EnumSource(Network.class)
  void roundTripsThroughItsEncoding(Network network) {
    Block genesis = ChainParams.of(network).genesis();
    assertThat(Block.decode(genesis.encode())).isEqualTo(genesis);
  }
}
