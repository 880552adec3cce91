package org.equinode.chain.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.equinode.chain.mempool.PoolChain.coin;
import static org.equinode.chain.mempool.PoolChain.out;
import static org.equinode.chain.mempool.PoolChain.pay;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.equinode.chain.Amount;
import org.equinode.chain.LockHash;
import org.equinode.chain.block.Block;
import org.equinode.chain.block.BlockHeader;
import org.equinode.chain.consensus.Asert;
import org.equinode.chain.consensus.ConnectedBlock;
import org.equinode.chain.consensus.SignatureChecker;
import org.equinode.chain.consensus.TestChain;
import org.equinode.chain.consensus.Verdict;
import org.equinode.chain.mempool.Mempool;
import org.equinode.chain.mempool.PoolChain;
import org.equinode.chain.mempool.Tip;
import org.equinode.chain.tx.InputWitness;
import org.equinode.chain.tx.SampleTxs;
import org.equinode.chain.tx.Tx;
import org.equinode.testing.TestClock;
import org.junit.jupiter.api.Test;

class BlockAssemblerTest {
  private static final LockHash PAY_TO = SampleTxs.address(3);
  private static final int SIZE = pay(coin(0), 0).size();

  private final PoolChain chain = PoolChain.create();
  private final TestClock clock = PoolChain.clock();
  private final Mempool mempool = chain.mempool(clock);

  private BlockAssembler assembler() {
    return new BlockAssembler(chain, mempool::entries, clock);
  }

  private void accept(Tx... txs) {
    for (Tx tx : txs) {
      assertThat(mempool.accept(tx).isAccepted()).as("%s", tx).isTrue();
    }
  }

  static Block mine(BlockTemplate template) {
    return new CpuMiner(1).solve(template, () -> false).orElseThrow();
  }

  /** Validates {@code block} as the next block of the chain and connects it. */
  private ConnectedBlock validateAndConnect(Block block) {
    Verdict<ConnectedBlock> verdict =
        chain.chain().validate(block, TestChain.NOW, SignatureChecker.sequential());
    assertThat(verdict.isAccepted()).as("%s", verdict).isTrue();
    chain.chain().connect(block);
    mempool.blockConnected(block, chain.chain().height());
    return verdict.orElseThrow();
  }

  @Test
  void aMinedTemplatePassesEveryBlockRule() {
    Tx parent = pay(List.of(coin(0)), 2_000, 2);
    Tx child = pay(out(parent, 1), 3_000);
    Tx other = pay(coin(1), 1_000);
    accept(parent, child, other);
    byte[] tag = "equinode test".getBytes(StandardCharsets.UTF_8);

    BlockTemplate template = assembler().assemble(PAY_TO, tag);
    Block block = mine(template);

    assertThat(template.height()).isEqualTo(PoolChain.FAN_HEIGHT + 1);
    assertThat(template.fees()).isEqualTo(Amount.ofUnits(6_000));
    assertThat(template.sigOps()).isEqualTo(3);
    assertThat(template.size()).isEqualTo(block.size());
    Tx coinbase = block.txs().get(0);
    assertThat(coinbase.body().lockTime()).isEqualTo(template.height());
    assertThat(coinbase.body().outputs().get(0).amount())
        .isEqualTo(TestChain.PARAMS.subsidyAt(template.height()).add(Amount.ofUnits(6_000)));
    assertThat(coinbase.body().outputs().get(0).lockHash()).isEqualTo(PAY_TO);
    byte[] data = ((InputWitness.Coinbase) coinbase.witnesses().get(0)).data();
    assertThat(new String(data, 0, tag.length, StandardCharsets.UTF_8)).isEqualTo("equinode test");
    ConnectedBlock connected = validateAndConnect(block);
    assertThat(connected.fees()).isEqualTo(Amount.ofUnits(6_000));
    assertThat(mempool.info().size()).isZero();
  }

  @Test
  void ordersIndependentTransactionsByFeeRate() {
    Tx two = pay(coin(0), 2L * SIZE);
    Tx five = pay(coin(1), 5L * SIZE);
    Tx three = pay(coin(2), 3L * SIZE);
    accept(two, five, three);
    assertThat(assembler().assemble(PAY_TO).txs()).containsExactly(five, three, two);
  }

  @Test
  void putsAParentFirstAndLetsItsChildPayForIt() {
    Tx parent = pay(coin(0), SIZE + SIZE / 5);
    Tx child = pay(out(parent, 0), 20L * SIZE);
    Tx other = pay(coin(1), 5L * SIZE);
    accept(other, parent, child);
    BlockTemplate template = assembler().assemble(PAY_TO);
    assertThat(template.txs()).containsExactly(parent, child, other);
    validateAndConnect(mine(template));
  }

  @Test
  void staysWithinTheSizeLimit() {
    for (int i = 0; i < 5; i++) {
      accept(pay(coin(i), (i + 2L) * SIZE));
    }
    int coinbase = BlockTemplate.coinbase(0, PAY_TO, Amount.ofEq(50), new byte[0], 0).size();
    int limit =
        BlockHeader.ENCODED_LENGTH + BlockAssembler.COUNT_RESERVE + coinbase + 2 * SIZE + SIZE / 2;
    BlockTemplate template =
        new BlockAssembler(chain, mempool::entries, clock, limit, 8_000).assemble(PAY_TO);
    assertThat(template.txs()).hasSize(2);
    assertThat(template.txs().get(0).body().outputs().get(0).amount().units())
        .isEqualTo(PoolChain.COIN_UNITS - 6L * SIZE);
    assertThat(template.size()).isLessThanOrEqualTo(limit);
    validateAndConnect(mine(template));
  }

  @Test
  void staysWithinTheSignatureLimit() {
    for (int i = 0; i < 5; i++) {
      accept(pay(coin(i), (i + 2L) * SIZE));
    }
    BlockTemplate template =
        new BlockAssembler(chain, mempool::entries, clock, Block.MAX_BLOCK_SIZE, 3)
            .assemble(PAY_TO);
    assertThat(template.txs()).hasSize(3);
    assertThat(template.sigOps()).isEqualTo(3);
  }

  @Test
  void leavesOutWhatTheChainSpentBeforeTheMempoolHeardOfIt() {
    Tx stale = pay(coin(0), 1_000);
    Tx staleChild = pay(out(stale, 0), 1_000);
    Tx fine = pay(coin(1), 1_000);
    accept(stale, staleChild, fine);
    chain.mine(pay(coin(0), 5_000)); // the mempool is not told
    BlockTemplate template = assembler().assemble(PAY_TO);
    assertThat(template.txs()).containsExactly(fine);
    validateAndConnect(mine(template));
  }

  @Test
  void takesTheLaterOfNowAndTheMedianTimePastPlusOne() {
    Tip tip = chain.tip();
    assertThat(assembler().assemble(PAY_TO).time()).isEqualTo(TestChain.NOW);
    TestClock early = TestClock.at(Instant.ofEpochSecond(TestChain.PARAMS.genesisTime()));
    BlockTemplate template = new BlockAssembler(chain, mempool::entries, early).assemble(PAY_TO);
    assertThat(template.time()).isEqualTo(tip.medianTimePast() + 1);
    assertThat(template.bits())
        .isEqualTo(Asert.of(TestChain.PARAMS).nextBits(tip.height(), tip.time()));
    assertThat(template.previous()).isEqualTo(tip.hash());
    validateAndConnect(mine(template));
  }

  @Test
  void refusesTooMuchExtraDataAndLimitsOutOfRange() {
    assertThatThrownBy(
            () -> assembler().assemble(PAY_TO, new byte[BlockTemplate.MAX_EXTRA_DATA + 1]))
        .isInstanceOf(MiningException.class)
        .hasMessage("coinbase extra data of 93 bytes exceeds MAX_EXTRA_DATA 92");
    assertThatThrownBy(
            () -> new BlockAssembler(chain, mempool::entries, clock, Block.MAX_BLOCK_SIZE + 1, 1))
        .isInstanceOf(MiningException.class);
  }
}
