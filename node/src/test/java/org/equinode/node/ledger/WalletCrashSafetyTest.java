package org.equinode.node.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.equinode.chain.LockHash;
import org.equinode.chain.block.Block;
import org.equinode.chain.state.ChainState;
import org.equinode.chain.state.SubmitVerdict;
import org.equinode.common.Hash32;
import org.equinode.crypto.Mnemonic;
import org.equinode.node.Node;
import org.equinode.store.MemoryStore;
import org.equinode.testing.ChildJvm;
import org.equinode.testing.SeededRandom;
import org.equinode.testing.TestClock;
import org.equinode.wallet.NewWallet;
import org.equinode.wallet.ReceiveAddress;
import org.equinode.wallet.Wallet;
import org.equinode.wallet.WalletContext;
import org.equinode.wallet.WalletName;
import org.equinode.wallet.ledger.BlockRef;
import org.equinode.wallet.ledger.WalletCoin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child process running a node's ledger on RocksDB, with two passphrase-encrypted wallets
 * paying each other while blocks connect and reorganise ({@link WalletCrashLoop}), with SIGKILL at
 * random moments. After each kill the data directory is opened as a node opens it, and: the coin
 * set equals the one a fresh chain state computes from the active chain's stored blocks; each
 * wallet file reads whole and opens with its passphrase; and each wallet's confirmed coins and
 * balances equal those of an oracle wallet scanned over the same chain with the wallet's own keys:
 * its recovery words restored (gap limit 20), then every receive key the file says it handed out
 * derived, and the chain scanned again. Handed-out addresses whose payments a kill lost stay
 * unused, and can push later coins beyond a restore's gap limit; the oracle still finds those
 * coins, and whatever the words alone find must be among the wallet's coins too. The seed ({@code
 * -Dequinode.crashSeed=...}) chooses what the children do and when they die; every failure message
 * names it.
 */
class WalletCrashSafetyTest {
  static final int KILLS = 20;
  static final long DEFAULT_SEED = 20_261_121L;

  /** Blocks mined before the kills: alice's first coinbases are mature. */
  static final int FIRST_BLOCKS = 110;

  /** How long a child runs, at least and at most, once it says it is ready. */
  static final int MIN_KILL_DELAY_MILLIS = 100;

  static final int MAX_KILL_DELAY_MILLIS = 900;

  /** How long a child may take to start, open the data directory and say it is ready. */
  static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private static final WalletName RESCANNED = WalletName.of("rescanned");

  @TempDir Path folder;

  private final long seed = Long.getLong("equinode.crashSeed", DEFAULT_SEED);
  private final TestClock clock = TestClock.at(CrashFixture.NOW);

  @Test
  @Timeout(600)
  void killedAtRandomMomentsTheChainAndTheWalletsAreWhole() throws Exception {
    RandomGenerator random = SeededRandom.of(seed);
    Path data = folder.resolve("dev");
    Map<WalletName, Mnemonic> words = setUp(data);
    List<String> tips = new ArrayList<>();
    Map<String, Integer> done = new TreeMap<>();
    long startingNanos = 0;
    long checkingNanos = 0;
    for (int kill = 1; kill <= KILLS; kill++) {
      long childSeed = random.nextLong();
      int delay =
          MIN_KILL_DELAY_MILLIS + random.nextInt(MAX_KILL_DELAY_MILLIS - MIN_KILL_DELAY_MILLIS + 1);
      String where = "seed " + seed + ", kill " + kill + " (child seed " + childSeed + ")";
      Path errors = folder.resolve("child-" + kill + ".err");
      long started = System.nanoTime();
      try (ChildJvm child =
          ChildJvm.start(
              WalletCrashLoop.class, errors, data.toString(), Long.toString(childSeed))) {
        assertThat(child.awaitLine(READY_TIMEOUT, where)).as(where).startsWith("ready ");
        startingNanos += System.nanoTime() - started;
        Thread.sleep(delay);
        assertThat(child.isAlive()).as(where + ": child died: " + child.errors()).isTrue();
        child.kill();
        for (String line : child.remainingLines()) {
          done.merge(
              line.contains(" ") ? line.substring(0, line.indexOf(' ')) : line, 1, Integer::sum);
        }
      }
      long checking = System.nanoTime();
      tips.add(check(data, words, where));
      checkingNanos += System.nanoTime() - checking;
    }
    // Per kill: the chain's tip, and how many blocks each wallet's file was behind it.
    System.out.println("wallet crash test, seed " + seed + ", after each kill: " + tips);
    System.out.println("what the children did: " + done);
    System.out.printf(
        "children took %d ms to be ready, checks %d ms%n",
        startingNanos / 1_000_000, checkingNanos / 1_000_000);
  }

  /** Two encrypted wallets and the first blocks, mined to alice. */
  private Map<WalletName, Mnemonic> setUp(Path data) {
    try (CrashFixture.Opened opened = CrashFixture.open(data, clock)) {
      NewWallet alice =
          opened.ledger().createWallet(CrashFixture.ALICE, CrashFixture.passphrase(), true);
      NewWallet bob =
          opened.ledger().createWallet(CrashFixture.BOB, CrashFixture.passphrase(), true);
      LockHash miner =
          new LockHash(alice.wallet().freshAddress(Optional.empty()).address().lockHash());
      bob.wallet().freshAddress(Optional.empty());
      opened.ledger().generate(FIRST_BLOCKS, miner, () -> false);
      Map<WalletName, Mnemonic> words = new TreeMap<>();
      words.put(CrashFixture.ALICE, alice.mnemonic());
      words.put(CrashFixture.BOB, bob.mnemonic());
      return words;
    }
  }

  /** Opens the data directory as a node would, checks it, and says where the tips were. */
  private String check(Path data, Map<WalletName, Mnemonic> words, String where)
      throws IOException {
    List<Integer> behind = new ArrayList<>();
    int tip;
    try (CrashFixture.Opened opened = CrashFixture.open(data, clock)) {
      ChainState chain = opened.chain();
      tip = chain.tip().height();
      assertThat(chain.utxoDigest())
          .as(where + ": the coin set against one rebuilt from the stored blocks")
          .isEqualTo(fromScratch(chain, where).utxoDigest());
      for (Map.Entry<WalletName, Mnemonic> wallet : words.entrySet()) {
        WalletName name = wallet.getKey();
        Wallet file = fromFile(data, name);
        behind.add(tip - file.tip().map(BlockRef::height).orElse(-1));
        checkWallet(
            opened.ledger(),
            name,
            wallet.getValue(),
            file.receiveAddresses().size(),
            where + ", wallet " + name);
      }
    }
    return tip + behind.toString();
  }

  /**
   * The wallet as its file was when the child was killed, not brought up to the chain: how far it
   * had followed the chain, and which receive keys it had handed out.
   */
  private Wallet fromFile(Path data, WalletName name) {
    return Wallet.load(
        data.resolve(Node.WALLET_FOLDER).resolve(name.fileName()),
        name,
        WalletContext.of(CrashFixture.DEV.network(), clock, new SecureRandom()));
  }

  /** A new chain state in memory fed the active chain's stored blocks, from the genesis block. */
  private ChainState fromScratch(ChainState chain, String where) {
    ChainState scratch = ChainState.open(new MemoryStore(), "memory", CrashFixture.DEV, clock);
    for (int height = 1; height <= chain.tip().height(); height++) {
      Block block = chain.block(chain.hashAt(height).orElseThrow()).orElseThrow();
      assertThat(scratch.submitBlock(block))
          .as(where + ": block " + height + " from scratch")
          .isInstanceOf(SubmitVerdict.Accepted.class);
    }
    assertThat(scratch.tip().hash()).as(where).isEqualTo(chain.tip().hash());
    return scratch;
  }

  /**
   * The wallet file loads and opens with its passphrase; its coins and balances equal those of the
   * oracle: its words restored into a new wallet, which then hands out as many receive keys as the
   * file had ({@code handedOut}) and scans the chain again (pending balances too: both see the same
   * mempool, into which loading put the loaded wallet's pending payments again). The words alone
   * (gap limit 20) may find fewer coins, never one the wallet lacks.
   */
  private static void checkWallet(
      Ledger ledger, WalletName name, Mnemonic words, int handedOut, String where)
      throws IOException {
    Wallet loaded = ledger.loadWallet(name);
    loaded.unlock(CrashFixture.passphrase(), Duration.ofMinutes(1));
    assertThat(loaded.tip().map(BlockRef::hash)).as(where).contains(ledger.chain().tip().hash());
    Wallet rescanned = ledger.restoreWallet(RESCANNED, words, "", CrashFixture.passphrase(), 0);
    try {
      List<String> byWords = confirmed(rescanned);
      assertThat(confirmed(loaded))
          .as(
              where
                  + ": confirmed coins against the words' restore; "
                  + keyReport(loaded, rescanned))
          .containsAll(byWords);
      int restoredKeys = rescanned.receiveAddresses().size();
      if (restoredKeys < handedOut) {
        rescanned.unlock(CrashFixture.passphrase(), Duration.ofMinutes(1));
        for (int i = restoredKeys; i < handedOut; i++) {
          rescanned.freshAddress(Optional.empty());
        }
        ledger.rescanWallet(rescanned, 0);
      }
      assertThat(confirmed(loaded))
          .as(where + ": confirmed coins; " + keyReport(loaded, rescanned))
          .isEqualTo(confirmed(rescanned));
      assertThat(loaded.balance().confirmed())
          .as(where + ": confirmed balance")
          .isEqualTo(rescanned.balance().confirmed());
      assertThat(loaded.balance().immature())
          .as(where + ": immature balance")
          .isEqualTo(rescanned.balance().immature());
      if (!loaded.balance().pending().equals(rescanned.balance().pending())) {
        System.out.println(
            where
                + ": pending "
                + loaded.balance().pending()
                + " loaded, "
                + rescanned.balance().pending()
                + " rescanned; keys "
                + loaded.derivedKeys()
                + "/"
                + rescanned.derivedKeys()
                + ", pending txs "
                + loaded.pendingTransactions().size()
                + "/"
                + rescanned.pendingTransactions().size());
      }
    } finally {
      ledger.unloadWallet(RESCANNED);
    }
    Files.delete(rescanned.path());
    ledger.unloadWallet(name);
  }

  /** Which receive keys each wallet has seen used, and where the coins are that differ. */
  private static String keyReport(Wallet loaded, Wallet rescanned) {
    Map<Hash32, Integer> index = new HashMap<>();
    for (ReceiveAddress address : loaded.receiveAddresses()) {
      index.put(address.address().lockHash(), address.index());
    }
    Set<Hash32> rescannedKeys = new HashSet<>();
    for (ReceiveAddress address : rescanned.receiveAddresses()) {
      rescannedKeys.add(address.address().lockHash());
    }
    List<Integer> coinKeys =
        loaded.coins().stream()
            .map(coin -> index.getOrDefault(coin.lockHash().hash(), -1))
            .sorted()
            .toList();
    List<Integer> unknownToRescan =
        index.entrySet().stream()
            .filter(e -> !rescannedKeys.contains(e.getKey()))
            .map(Map.Entry::getValue)
            .sorted()
            .toList();
    return "used keys "
        + loaded.receiveAddresses().size()
        + "/"
        + rescanned.receiveAddresses().size()
        + ", derived "
        + loaded.derivedKeys()
        + "/"
        + rescanned.derivedKeys()
        + ", key of each coin "
        + coinKeys
        + ", keys the rescan lacks "
        + unknownToRescan;
  }

  /** The coins a block created, sorted: what a block says, whatever pending spends them. */
  private static List<String> confirmed(Wallet wallet) {
    return wallet.coins().stream()
        .filter(coin -> coin.height().isPresent())
        .sorted(Comparator.comparing((WalletCoin coin) -> coin.outPoint().toString()))
        .map(
            coin ->
                coin.outPoint()
                    + " "
                    + coin.amount()
                    + " "
                    + coin.kind()
                    + " at "
                    + coin.height().orElseThrow())
        .toList();
  }
}
