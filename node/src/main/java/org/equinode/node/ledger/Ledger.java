package org.equinode.node.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.equinode.api.ledger.LedgerHandle;
import org.equinode.chain.BlockHash;
import org.equinode.chain.LockHash;
import org.equinode.chain.TxId;
import org.equinode.chain.block.Block;
import org.equinode.chain.consensus.SignatureChecker;
import org.equinode.chain.consensus.UtxoView;
import org.equinode.chain.mempool.Mempool;
import org.equinode.chain.mempool.MempoolChainView;
import org.equinode.chain.mempool.MempoolConfig;
import org.equinode.chain.mempool.MempoolEntry;
import org.equinode.chain.mempool.MempoolListener;
import org.equinode.chain.mempool.MempoolVerdict;
import org.equinode.chain.mempool.RemovalReason;
import org.equinode.chain.mempool.Tip;
import org.equinode.chain.mining.BlockAssembler;
import org.equinode.chain.mining.CpuMiner;
import org.equinode.chain.params.ChainParams;
import org.equinode.chain.state.ChainListener;
import org.equinode.chain.state.ChainState;
import org.equinode.chain.state.ChainTip;
import org.equinode.chain.state.SubmitVerdict;
import org.equinode.chain.tx.Tx;
import org.equinode.common.TimeSource;
import org.equinode.crypto.Mnemonic;
import org.equinode.node.NodeException;
import org.equinode.wallet.NewWallet;
import org.equinode.wallet.Passphrase;
import org.equinode.wallet.Wallet;
import org.equinode.wallet.WalletContext;
import org.equinode.wallet.WalletException;
import org.equinode.wallet.WalletName;
import org.equinode.wallet.WalletRegistry;
import org.equinode.wallet.WrongPassphraseException;
import org.equinode.wallet.file.Argon2Params;
import org.equinode.wallet.ledger.BlockRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger of one node: the chain state (single owner: every block goes through {@link
 * #submitBlock} under one lock), the mempool that follows it, the wallets that follow both, and the
 * miner. Events flow one way: chain → mempool → wallets.
 */
public final class Ledger implements LedgerHandle, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Ledger.class);

  private final ChainState chain;
  private final Mempool mempool;
  private final WalletRegistry wallets;
  private final BlockAssembler assembler;
  private final CpuMiner miner;
  private final Object chainOwner = new Object();

  /**
   * Wires a ledger over an open chain state.
   *
   * @param walletFolder where wallet files live
   * @param minerThreads threads the CPU miner grinds on
   */
  public Ledger(
      ChainState chain,
      Path walletFolder,
      TimeSource time,
      SecureRandom random,
      SignatureChecker checker,
      int minerThreads) {
    this(chain, walletFolder, time, random, checker, minerThreads, Argon2Params.DEFAULT);
  }

  /**
   * Wires a ledger whose new wallet files use {@code walletKdf} (tests choose a cheap one; a file
   * opens with the cost it was written with).
   */
  public Ledger(
      ChainState chain,
      Path walletFolder,
      TimeSource time,
      SecureRandom random,
      SignatureChecker checker,
      int minerThreads,
      Argon2Params walletKdf) {
    this.chain = chain;
    MempoolChainView view = new ChainView(chain);
    this.mempool = new Mempool(view, MempoolConfig.defaults(), checker, time, random);
    this.wallets =
        new WalletRegistry(
            walletFolder,
            new WalletContext(
                chain.params().network(),
                chain.params().coinbaseMaturity(),
                walletKdf,
                time,
                random));
    this.assembler = new BlockAssembler(view, mempool::entries, time);
    this.miner = new CpuMiner(minerThreads);
    chain.addListener(new ChainEvents());
    mempool.addListener(new MempoolEvents());
  }

  @Override
  public ChainState chain() {
    return chain;
  }

  @Override
  public Mempool mempool() {
    return mempool;
  }

  @Override
  public ChainParams params() {
    return chain.params();
  }

  /** Submits a block (from the miner or a peer) as the chain's single owner. */
  public SubmitVerdict submitBlock(Block block) {
    synchronized (chainOwner) {
      SubmitVerdict verdict = chain.submitBlock(block);
      wallets.flushAll();
      return verdict;
    }
  }

  /** Offers a transaction to the mempool. */
  @Override
  public MempoolVerdict acceptTransaction(Tx tx) {
    return mempool.accept(tx);
  }

  /**
   * Mines {@code count} blocks paying to {@code payTo} on the tip, each submitted before the next.
   *
   * @throws NodeException if the chain refuses a mined block (a bug, or the tip moved)
   */
  @Override
  public List<BlockHash> generate(int count, LockHash payTo, BooleanSupplier cancelled) {
    synchronized (chainOwner) {
      List<Block> mined =
          miner.mineBlocks(
              count,
              payTo,
              assembler,
              block -> {
                SubmitVerdict verdict = chain.submitBlock(block);
                if (!(verdict instanceof SubmitVerdict.Accepted accepted)
                    || !accepted.onActiveChain()) {
                  throw new NodeException("the chain refused a block just mined: " + verdict);
                }
              },
              cancelled);
      wallets.flushAll();
      return mined.stream().map(Block::hash).toList();
    }
  }

  /** Creates a wallet, loaded and following the ledger; an empty passphrase leaves it unlocked. */
  @Override
  public NewWallet createWallet(WalletName name, Passphrase passphrase, boolean unlocked) {
    synchronized (chainOwner) {
      NewWallet created = wallets.create(name, passphrase);
      follow(created.wallet(), unlocked ? Optional.of(passphrase) : Optional.empty(), 0);
      return created;
    }
  }

  @Override
  public Wallet restoreWallet(
      WalletName name,
      Mnemonic mnemonic,
      String bip39Passphrase,
      Passphrase passphrase,
      int fromHeight) {
    synchronized (chainOwner) {
      int tip = chain.tip().height();
      if (fromHeight < 0 || fromHeight > tip) {
        throw new WalletException(
            "a rescan starts at a height from 0 to the tip " + tip + ", not " + fromHeight);
      }
      if (Files.exists(wallets.pathOf(name))) {
        throw new WalletException("wallet '" + name + "' already exists");
      }
      Wallet wallet = wallets.restore(name, mnemonic, bip39Passphrase, passphrase);
      // Unlocked while it scans, so that each payment found derives the keys beyond it.
      int derived = wallet.derivedKeys();
      follow(wallet, Optional.of(passphrase), fromHeight);
      scanWhileKeysGrow(wallet, derived, fromHeight);
      if (!passphrase.isEmpty()) {
        wallet.lock();
      }
      return wallet;
    }
  }

  /**
   * Scans the active chain again for a loaded wallet from {@code fromHeight} to the tip (bitcoind's
   * {@code rescanblockchain}), with every receive key it has derived: its blocks from there are
   * disconnected, its keys kept, and the blocks connected again. An unlocked wallet derives keys
   * beyond each payment found, and is scanned again while that finds more.
   *
   * @throws WalletException if {@code fromHeight} is not a height from 0 to the tip
   */
  public void rescanWallet(Wallet wallet, int fromHeight) {
    synchronized (chainOwner) {
      int tip = chain.tip().height();
      if (fromHeight < 0 || fromHeight > tip) {
        throw new WalletException(
            "a rescan starts at a height from 0 to the tip " + tip + ", not " + fromHeight);
      }
      scanWhileKeysGrow(wallet, -1, fromHeight);
    }
  }

  /**
   * Scans from {@code fromHeight} again until a pass derives no key: a payment to a key within the
   * gap limit of one paid only later in the chain was passed over (as BIP44 discovery would find
   * it). {@code derived} is the key count before the last pass, -1 to scan at least once.
   */
  private void scanWhileKeysGrow(Wallet wallet, int derived, int fromHeight) {
    while (wallet.derivedKeys() != derived) {
      derived = wallet.derivedKeys();
      rewind(wallet, fromHeight);
      follow(wallet, Optional.empty(), fromHeight);
    }
  }

  /** Disconnects the wallet's blocks down to {@code height}, its keys kept. */
  private void rewind(Wallet wallet, int height) {
    for (Optional<BlockRef> tip = wallet.tip();
        tip.isPresent() && tip.get().height() >= height;
        tip = wallet.tip()) {
      BlockRef at = tip.get();
      wallet.blockDisconnected(at.height(), chain.block(at.hash()).orElseThrow());
    }
  }

  /** Loads a wallet file and brings it up to the tip; a wallet without a passphrase is unlocked. */
  @Override
  public Wallet loadWallet(WalletName name) {
    synchronized (chainOwner) {
      Optional<Wallet> loaded = wallets.get(name);
      if (loaded.isPresent()) {
        return loaded.get();
      }
      Wallet wallet = wallets.open(name);
      follow(wallet, Optional.of(Passphrase.of("")), 0);
      return wallet;
    }
  }

  @Override
  public boolean unloadWallet(WalletName name) {
    synchronized (chainOwner) {
      return wallets.unload(name);
    }
  }

  @Override
  public Optional<Wallet> wallet(WalletName name) {
    return wallets.get(name);
  }

  @Override
  public List<WalletName> loadedWallets() {
    return wallets.loaded();
  }

  @Override
  public List<WalletName> walletFiles() {
    return wallets.list();
  }

  /**
   * Brings a wallet to the chain's tip and the mempool's state; called as the chain's owner. A
   * wallet that has seen no block starts at {@code startHeight}.
   */
  private void follow(Wallet wallet, Optional<Passphrase> tryPassphrase, int startHeight) {
    tryPassphrase.ifPresent(
        passphrase -> {
          try {
            wallet.unlock(passphrase, Wallet.MAX_UNLOCK);
          } catch (WrongPassphraseException e) {
            // A real passphrase: the wallet stays locked until walletpassphrase.
          }
        });
    Optional<BlockRef> tip = wallet.tip();
    while (tip.isPresent() && !chain.isOnActiveChain(tip.get().hash())) {
      BlockRef stale = tip.get();
      Block block =
          chain
              .block(stale.hash())
              .orElseThrow(
                  () -> new NodeException("wallet " + wallet.name() + " follows an unknown block"));
      wallet.blockDisconnected(stale.height(), block);
      tip = wallet.tip();
    }
    int from = tip.map(ref -> ref.height() + 1).orElse(startHeight);
    for (int height = from; height <= chain.tip().height(); height++) {
      wallet.blockConnected(height, chain.block(chain.hashAt(height).orElseThrow()).orElseThrow());
    }
    resubmitPending(wallet);
    for (MempoolEntry entry : mempool.entries()) {
      wallet.txAdded(entry.tx());
    }
    wallet.flush();
  }

  /**
   * Offers the wallet's pending transactions to the mempool, parents first: a restart emptied the
   * mempool, not the wallet (bitcoind's wallet does the same with {@code -walletbroadcast}). One
   * the mempool refuses for good is abandoned, so that the coins it spent are spendable again: it
   * conflicts with or fails to replace a mempool transaction, it spends coins that are spent or
   * gone, or it is invalid. One refused for now (fee below the pool's minimum, pool full, chain of
   * unconfirmed transactions too long) stays pending, to be offered at the next load.
   */
  private void resubmitPending(Wallet wallet) {
    for (Tx tx : wallet.pendingTransactions()) {
      TxId txId = tx.txId();
      boolean stillPending = wallet.transaction(txId).map(w -> !w.isConfirmed()).orElse(false);
      if (!stillPending || mempool.contains(txId)) {
        continue; // abandoned with a parent just now, or the mempool has it
      }
      MempoolVerdict verdict = mempool.accept(tx);
      if (refusedForGood(verdict)) {
        log.info("wallet {}: abandoned pending transaction {}: {}", wallet.name(), txId, verdict);
        wallet.abandon(txId);
      }
    }
  }

  private static boolean refusedForGood(MempoolVerdict verdict) {
    return switch (verdict) {
      case MempoolVerdict.Accepted accepted -> false;
      case MempoolVerdict.Orphan orphan -> true;
      case MempoolVerdict.Rejected rejected ->
          switch (rejected.reason()) {
            case INVALID, CONFLICT, RBF_INSUFFICIENT_FEE, ORPHAN -> true;
            case ALREADY_KNOWN, INSUFFICIENT_FEE, MEMPOOL_FULL, TOO_LONG_CHAIN -> false;
          };
    };
  }

  /**
   * Abandons a pending transaction of {@code wallet} that the mempool does not hold (bitcoind's
   * {@code abandontransaction}): it and the wallet's pending transactions spending its outputs are
   * forgotten, and the coins they spent are spendable again.
   *
   * @throws WalletException if the mempool holds it, or the wallet does not hold it as pending
   */
  @Override
  public void abandonTransaction(Wallet wallet, TxId txId) {
    synchronized (chainOwner) {
      if (mempool.contains(txId)) {
        throw new WalletException(
            "transaction " + txId + " is in the mempool: only one that is not can be abandoned");
      }
      wallet.abandon(txId);
      wallet.flush();
    }
  }

  /** Saves every wallet. */
  @Override
  public void close() {
    synchronized (chainOwner) {
      wallets.flushAll();
    }
  }

  /** Chain events to the mempool, then to the wallets, in chain order. */
  private final class ChainEvents implements ChainListener {
    @Override
    public void blockConnected(Block block, int height) {
      mempool.blockConnected(block, height);
      for (Wallet wallet : wallets.loadedWallets()) {
        wallet.blockConnected(height, block);
      }
    }

    @Override
    public void blockDisconnected(Block block, int height) {
      for (Wallet wallet : wallets.loadedWallets()) {
        wallet.blockDisconnected(height, block);
      }
      // The mempool takes the block's transactions back and reports each through its listener.
      mempool.blockDisconnected(block, height);
    }
  }

  /** Unconfirmed transactions to the wallets; confirmation reaches them through the chain. */
  private final class MempoolEvents implements MempoolListener {
    @Override
    public void added(MempoolEntry entry) {
      for (Wallet wallet : wallets.loadedWallets()) {
        wallet.txAdded(entry.tx());
      }
    }

    @Override
    public void removed(MempoolEntry entry, RemovalReason reason) {
      if (reason == RemovalReason.CONFIRMED) {
        return;
      }
      for (Wallet wallet : wallets.loadedWallets()) {
        wallet.txRemoved(entry.txId());
      }
    }
  }

  /** The chain as the mempool and the block assembler see it. */
  private record ChainView(ChainState chain) implements MempoolChainView {
    @Override
    public ChainParams params() {
      return chain.params();
    }

    @Override
    public Tip tip() {
      ChainTip tip = chain.tip();
      return new Tip(tip.hash(), tip.height(), tip.time(), tip.medianTimePast());
    }

    @Override
    public UtxoView utxos() {
      return chain.utxoView();
    }
  }
}
