package org.equinode.node.ledger;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.equinode.chain.Amount;
import org.equinode.chain.BlockHash;
import org.equinode.chain.LockHash;
import org.equinode.chain.block.Block;
import org.equinode.chain.block.BlockHeader;
import org.equinode.chain.consensus.MedianTimePast;
import org.equinode.chain.consensus.UtxoView;
import org.equinode.chain.mempool.MempoolChainView;
import org.equinode.chain.mempool.MempoolVerdict;
import org.equinode.chain.mempool.Tip;
import org.equinode.chain.mining.BlockAssembler;
import org.equinode.chain.mining.CpuMiner;
import org.equinode.chain.params.ChainParams;
import org.equinode.chain.state.ChainState;
import org.equinode.chain.state.SubmitVerdict;
import org.equinode.common.Hash32;
import org.equinode.testing.SeededRandom;
import org.equinode.testing.TestClock;
import org.equinode.wallet.InsufficientFundsException;
import org.equinode.wallet.ReceiveAddress;
import org.equinode.wallet.Wallet;
import org.equinode.wallet.spend.BuiltTx;
import org.equinode.wallet.spend.FeeRate;
import org.equinode.wallet.spend.Payment;

/**
 * The child process of {@link WalletCrashSafetyTest}: opens a data directory as a node does, loads
 * and unlocks the two wallets (which offers their pending payments to the mempool again), prints
 * {@code ready <height>}, then until it is killed (a line for each payment, block and
 * reorganisation): alice pays herself (now and then at a fresh address) and bob, bob pays alice,
 * blocks are mined to alice, and competing branches of 2 to {@value #MAX_DEPTH} + 1 blocks paying
 * bob win over the last 1 to {@value #MAX_DEPTH} blocks (reorganisations whose payments go back to
 * the mempool). Any surprise ends it with status 3 and the reason on stderr.
 */
public final class WalletCrashLoop {
  static final int MAX_DEPTH = 4;

  /** The largest payment, in hundredths of an EQ. */
  static final int MAX_PAYMENT_CENTS = 2_000;

  private static final FeeRate RATE = FeeRate.ofUnitsPerByte(2);

  private final RandomGenerator random;
  private final ChainState chain;
  private final Ledger ledger;
  private final Wallet alice;
  private final Wallet bob;
  private final CpuMiner miner = new CpuMiner(1);
  private final TestClock clock;

  private WalletCrashLoop(
      RandomGenerator random,
      CrashFixture.Opened opened,
      Wallet alice,
      Wallet bob,
      TestClock clock) {
    this.random = random;
    this.chain = opened.chain();
    this.ledger = opened.ledger();
    this.alice = alice;
    this.bob = bob;
    this.clock = clock;
  }

  public static void main(String[] args) {
    try {
      run(Path.of(args[0]), Long.parseLong(args[1]));
    } catch (RuntimeException | AssertionError e) {
      e.printStackTrace();
      System.exit(3);
    }
  }

  private static void run(Path dataDirectory, long seed) {
    TestClock clock = TestClock.at(CrashFixture.NOW);
    CrashFixture.Opened opened = CrashFixture.open(dataDirectory, clock);
    Wallet alice = opened.ledger().loadWallet(CrashFixture.ALICE);
    Wallet bob = opened.ledger().loadWallet(CrashFixture.BOB);
    alice.unlock(CrashFixture.passphrase(), Wallet.MAX_UNLOCK);
    bob.unlock(CrashFixture.passphrase(), Wallet.MAX_UNLOCK);
    WalletCrashLoop loop = new WalletCrashLoop(SeededRandom.of(seed), opened, alice, bob, clock);
    System.out.println("ready " + opened.chain().tip().height());
    System.out.flush();
    while (true) {
      loop.step();
    }
  }

  private void step() {
    int action = random.nextInt(10);
    if (action < 4) {
      boolean fromAlice = random.nextInt(4) != 0;
      Wallet from = fromAlice ? alice : bob;
      LockHash to =
          fromAlice && random.nextBoolean() ? ownAddress() : firstAddress(fromAlice ? bob : alice);
      pay(from, to);
    } else if (action < 8) {
      ledger.generate(1, firstAddress(alice), () -> false);
      System.out.println("block");
    } else {
      reorganise();
    }
  }

  private void pay(Wallet from, LockHash to) {
    Amount amount = Amount.ofUnits((1L + random.nextInt(MAX_PAYMENT_CENTS)) * 1_000_000L);
    BuiltTx built;
    try {
      built = from.send(List.of(new Payment(to, amount)), RATE);
    } catch (InsufficientFundsException e) {
      return;
    }
    MempoolVerdict verdict = ledger.acceptTransaction(built.tx());
    if (!verdict.isAccepted()) {
      throw new AssertionError("the mempool refused a payment of " + from + ": " + verdict);
    }
    System.out.println("payment");
  }

  /** A branch from 1 to MAX_DEPTH blocks below the tip, one block longer, paying bob. */
  private void reorganise() {
    int height = chain.tip().height();
    int depth = 1 + random.nextInt(Math.min(MAX_DEPTH, height - 1));
    BlockHash parent = chain.hashAt(height - depth).orElseThrow();
    List<Block> branch = new ArrayList<>();
    for (int i = 0; i <= depth; i++) {
      Block block = mineOn(parent, height - depth + i, branch);
      branch.add(block);
      parent = block.hash();
    }
    for (Block block : branch) {
      SubmitVerdict verdict = ledger.submitBlock(block);
      if (!(verdict instanceof SubmitVerdict.Accepted)) {
        throw new AssertionError("a competing block was refused: " + verdict);
      }
    }
    if (!chain.tip().hash().equals(parent)) {
      throw new AssertionError("the competing branch did not win");
    }
    System.out.println("reorganisation " + depth);
  }

  /** A coinbase-only block paying bob on {@code parent} at {@code parentHeight}. */
  private Block mineOn(BlockHash parent, int parentHeight, List<Block> branch) {
    Tip tip = new Tip(parent, parentHeight, header(parent, branch).time(), mtp(parent, branch));
    byte[] tag = new byte[8];
    random.nextBytes(tag); // a fresh coinbase, never a block seen before
    BlockAssembler assembler = new BlockAssembler(new ForkView(tip, chain), List::of, clock);
    return miner
        .solve(assembler.assemble(firstAddress(bob), tag), () -> false)
        .orElseThrow(() -> new AssertionError("the miner gave up"));
  }

  private BlockHeader header(BlockHash hash, List<Block> branch) {
    for (Block block : branch) {
      if (block.hash().equals(hash)) {
        return block.header();
      }
    }
    return chain.header(hash).orElseThrow();
  }

  private long mtp(BlockHash tip, List<Block> branch) {
    List<Long> times = new ArrayList<>();
    BlockHash at = tip;
    for (int i = 0; i < CrashFixture.DEV.medianTimeSpan(); i++) {
      BlockHeader header = header(at, branch);
      times.add(header.time());
      if (at.equals(CrashFixture.DEV.genesisHash())) {
        break;
      }
      at = header.previous();
    }
    return MedianTimePast.of(times);
  }

  /**
   * One of alice's addresses: a fresh one now and then, else one she handed out before. Fresh ones
   * only at times, since each payment a kill loses leaves its address unused, and a restore finds
   * payments only up to the gap limit (20 unused keys) past the last one paid.
   */
  private LockHash ownAddress() {
    if (random.nextInt(4) == 0) {
      return lockOf(alice.freshAddress(Optional.empty()).address().lockHash());
    }
    List<ReceiveAddress> used = alice.receiveAddresses();
    return lockOf(used.get(random.nextInt(used.size())).address().lockHash());
  }

  private static LockHash firstAddress(Wallet wallet) {
    return lockOf(wallet.receiveAddresses().get(0).address().lockHash());
  }

  private static LockHash lockOf(Hash32 hash) {
    return new LockHash(hash);
  }

  /** The chain as a block assembler on a branch sees it: the branch's tip, no mempool. */
  private record ForkView(Tip tip, ChainState chain) implements MempoolChainView {
    @Override
    public ChainParams params() {
      return chain.params();
    }

    @Override
    public UtxoView utxos() {
      return chain.utxoView();
    }
  }
}
