package org.equinode.chain.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.random.RandomGenerator;
import org.equinode.chain.BlockHash;
import org.equinode.chain.block.Block;
import org.equinode.chain.tx.Tx;
import org.equinode.chain.tx.TxCodec;
import org.equinode.testing.Mutations;
import org.equinode.testing.SeededRandom;
import org.junit.jupiter.api.Test;

class BlockRulesTest {
  @Test
  void aContextThatIsNotTheParentsIsMisuse() {
    TestChain chain = BaseChain.chain();
    Block block = chain.next().build();
    HeaderContext context = chain.context(TestChain.NOW);
    HeaderContext wrong =
        new HeaderContext(
            BlockHash.parse("00".repeat(32)),
            context.parentHeight(),
            context.parentTime(),
            context.medianTimePast(),
            context.now());
    assertThatThrownBy(() -> BlockRules.checkHeaderContext(block.header(), wrong, TestChain.PARAMS))
        .isInstanceOf(ConsensusException.class)
        .hasMessageContaining("the context's is 0000");
  }

  @Test
  void connectingABodyThatWasNotCheckedIsMisuse() {
    TestChain chain = BaseChain.chain();
    Tx spend = BodyVectors.spendCoinbase(chain, 3, 1);
    Block noCoinbase = chain.next().noCoinbase().add(spend).build();
    assertThatThrownBy(
            () ->
                BlockRules.connect(
                    noCoinbase,
                    chain.height() + 1,
                    chain.utxos(),
                    TestChain.PARAMS,
                    SignatureChecker.sequential()))
        .isInstanceOf(ConsensusException.class)
        .hasMessageContaining("check its body before connecting it");
  }

  @Test
  void theHeaderStagesReportHeightAndWork() {
    TestChain chain = BaseChain.chain();
    Block block = chain.next().build();
    CheckedHeader checked =
        BlockRules.checkHeaderContext(
                block.header(), chain.context(TestChain.NOW), TestChain.PARAMS)
            .orElseThrow();
    assertThat(checked.hash()).isEqualTo(block.hash());
    assertThat(checked.height()).isEqualTo(BaseChain.HEIGHT + 1);
    assertThat(checked.work()).isEqualTo(block.header().bits().work());
    assertThat(BlockRules.checkHeader(block.header(), TestChain.PARAMS))
        .isEqualTo(Verdict.accept(block.hash()));
  }

  @Test
  void mutatedBlocksYieldVerdictsNeverExceptions() {
    TestChain chain = BaseChain.chain();
    Block valid =
        chain
            .next()
            .add(BodyVectors.spendCoinbase(chain, 3, 1), BodyVectors.spendCoinbase(chain, 4, 2))
            .build();
    HeaderContext context = chain.context(TestChain.NOW);
    RandomGenerator random = SeededRandom.of(20261121);
    int rejected = 0;
    for (int round = 0; round < 500; round++) {
      byte[] mutant = Mutations.mutate(valid.encode(), random);
      Verdict<Block> decoded = BlockRules.decode(mutant);
      if (decoded instanceof Verdict.Accept<Block> accept) {
        Block block = accept.result();
        assertThat(block.encode()).as("round %d re-encodes", round).isEqualTo(mutant);
        if (!block.header().previous().equals(context.parentHash())) {
          continue; // a block for another parent: the caller picks the context by its parent
        }
        Verdict<ConnectedBlock> verdict =
            BlockRules.validate(
                block, context, chain.utxos(), TestChain.PARAMS, SignatureChecker.sequential());
        rejected += verdict.isAccepted() ? 0 : 1;
      } else {
        rejected++;
      }
    }
    assertThat(rejected).isGreaterThan(400);
  }

  @Test
  void mutatedTransactionsDecodeToVerdicts() {
    Tx tx = BodyVectors.spendCoinbase(BaseChain.chain(), 3, 1);
    RandomGenerator random = SeededRandom.of(7);
    for (int round = 0; round < 500; round++) {
      byte[] mutant = Mutations.mutate(tx.encode(), random);
      if (TxRules.decode(mutant) instanceof Verdict.Accept<Tx> accept) {
        assertThat(TxCodec.decode(accept.result().encode())).isEqualTo(accept.result());
        assertThat(accept.result().encode()).isEqualTo(mutant);
      }
    }
    assertThat(TxRules.decode(tx.encode())).isEqualTo(Verdict.accept(tx));
  }
}
