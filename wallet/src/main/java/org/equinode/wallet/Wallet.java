package org.equinode.wallet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.equinode.chain.LockHash;
import org.equinode.chain.TxId;
import org.equinode.chain.block.Block;
import org.equinode.chain.lock.Lock;
import org.equinode.chain.tx.OutPoint;
import org.equinode.chain.tx.Tx;
import org.equinode.common.DecodeException;
import org.equinode.common.Hash32;
import org.equinode.common.Network;
import org.equinode.crypto.Address;
import org.equinode.crypto.Ed25519PublicKey;
import org.equinode.crypto.Mnemonic;
import org.equinode.wallet.file.WalletFile;
import org.equinode.wallet.keys.Label;
import org.equinode.wallet.keys.WalletSecrets;
import org.equinode.wallet.keys.WatchedLock;
import org.equinode.wallet.ledger.Balance;
import org.equinode.wallet.ledger.BlockRef;
import org.equinode.wallet.ledger.HistoryEntry;
import org.equinode.wallet.ledger.WalletCoin;
import org.equinode.wallet.ledger.WalletLedgerListener;
import org.equinode.wallet.ledger.WalletTx;
import org.equinode.wallet.spend.BuiltTx;
import org.equinode.wallet.spend.Contracts;
import org.equinode.wallet.spend.FeeRate;
import org.equinode.wallet.spend.PartialSignature;
import org.equinode.wallet.spend.Payment;
import org.equinode.wallet.spend.TxBuilder;
import org.equinode.wallet.spend.UnsignedTx;
import org.jspecify.annotations.Nullable;

/**
 * One wallet: its keys, its coins and history, and the transactions it builds. Loaded locked: the
 * public part of the file (addresses, watched locks, coins, history) is readable at once; the
 * secrets (mnemonic, BIP39 passphrase) are decrypted by {@link #unlock} and kept in memory until
 * {@link #lock} or until the unlock period ends, whichever comes first.
 *
 * <p>Thread-safe: every method takes the wallet's monitor for a short time; Argon2id and file
 * writes run outside it (file writes are serialized by a second lock of their own).
 */
public final class Wallet implements WalletLedgerListener {
  /** The longest a wallet stays unlocked. */
  public static final Duration MAX_UNLOCK = Duration.ofDays(365);

  private final WalletName name;
  private final Path path;
  private final WalletContext context;
  private final WalletState state;
  private final Spending spending;
  private final ReentrantLock writing = new ReentrantLock();

  // Guarded by this.
  private WalletFile file;
  private @Nullable WalletSecrets secrets;
  private long lockAtNanos;
  private long changes;
  private long savedChanges;

  private Wallet(
      WalletName name, Path path, WalletContext context, WalletFile file, WalletState state) {
    this.name = name;
    this.path = path;
    this.context = context;
    this.file = file;
    this.state = state;
    this.spending = new Spending(state, context);
    state.deriveWith(this::currentSecrets);
  }

  /**
   * Creates the wallet file at {@code path} for {@code secrets}, encrypted under {@code
   * passphrase}. The wallet returned is locked.
   *
   * @throws WalletException if a file exists at {@code path} already
   */
  public static Wallet create(
      Path path,
      WalletName name,
      WalletContext context,
      WalletSecrets secrets,
      Passphrase passphrase) {
    if (Files.exists(path)) {
      throw new WalletException("wallet '" + name + "' already exists at " + path);
    }
    WalletState state = WalletState.create(secrets, context.coinbaseMaturity());
    WalletFile file =
        WalletFile.seal(
            context.network(),
            secrets,
            passphrase,
            context.kdf(),
            context.random(),
            state.encode());
    file.write(path);
    return new Wallet(name, path, context, file, state);
  }

  /**
   * Loads the wallet file at {@code path}, locked.
   *
   * @throws WalletFileException if the file is missing, unreadable, corrupted, or of another
   *     network than {@code context}'s
   */
  public static Wallet load(Path path, WalletName name, WalletContext context) {
    WalletFile file = WalletFile.read(path);
    if (file.network() != context.network()) {
      throw new WalletFileException(
          "wallet file "
              + path
              + " is for the "
              + file.network().id()
              + " network, not "
              + context.network().id());
    }
    WalletState state;
    try {
      state = WalletState.decode(file.publicSection(), context.coinbaseMaturity());
    } catch (DecodeException e) {
      throw new WalletFileException(
          "wallet file " + path + " cannot be used: its public section: " + e.getMessage(), e);
    }
    return new Wallet(name, path, context, file, state);
  }

  public WalletName name() {
    return name;
  }

  public Network network() {
    return context.network();
  }

  /** Where the wallet's file is. */
  public Path path() {
    return path;
  }

  // ---------------------------------------------------------------- locking

  /** True when the secrets are not in memory. */
  public synchronized boolean isLocked() {
    return currentSecrets().isEmpty();
  }

  /**
   * Decrypts the secrets and keeps them for {@code period}. Runs Argon2id (slow on purpose). Checks
   * every stored public key against the mnemonic, derives receive keys the locked wallet could not,
   * and saves the file if that added any.
   *
   * @throws WrongPassphraseException if the passphrase does not open the file; nothing was
   *     decrypted and the wallet stays as it was
   * @throws WalletException if {@code period} is not positive or exceeds {@link #MAX_UNLOCK}, or
   *     the file's public part does not match its secrets (it was altered)
   */
  public void unlock(Passphrase passphrase, Duration period) {
    if (period.isNegative() || period.isZero() || period.compareTo(MAX_UNLOCK) > 0) {
      throw new WalletException(
          "an unlock period is more than 0 and at most " + MAX_UNLOCK.toDays() + " days");
    }
    WalletFile sealed;
    synchronized (this) {
      sealed = file;
    }
    WalletSecrets opened = sealed.open(passphrase).orElseThrow(this::wrongPassphrase);
    boolean extended;
    synchronized (this) {
      state.keys.verify(opened);
      state.hashes.verify(opened);
      secrets = opened;
      lockAtNanos = context.time().nanoTime() + period.toNanos();
      extended = extendKeys(opened);
    }
    if (extended) {
      save();
    }
  }

  private WrongPassphraseException wrongPassphrase() {
    return new WrongPassphraseException("wrong passphrase for wallet '" + name + "'");
  }

  /** Forgets the secrets now. */
  public synchronized void lock() {
    secrets = null;
  }

  /** The secrets while unlocked; locks the wallet when its unlock period is over. */
  private Optional<WalletSecrets> currentSecrets() {
    if (secrets != null && context.time().nanoTime() - lockAtNanos >= 0) {
      secrets = null;
    }
    return Optional.ofNullable(secrets);
  }

  /** The secrets, or a {@link WalletLockedException} saying what needed them. */
  private WalletSecrets requireSecrets(String what) {
    return currentSecrets()
        .orElseThrow(
            () ->
                new WalletLockedException("wallet '" + name + "' is locked: unlock it to " + what));
  }

  private boolean extendKeys(WalletSecrets opened) {
    if (!state.keys.needsKeys()) {
      return false;
    }
    state.keys.extend(opened);
    changes++;
    return true;
  }

  /**
   * Re-encrypts the secrets under {@code newPassphrase}, with a fresh salt and nonce and the
   * context's current Argon2id cost, and saves the file.
   *
   * @throws WrongPassphraseException if {@code oldPassphrase} does not open the file
   */
  public void changePassphrase(Passphrase oldPassphrase, Passphrase newPassphrase) {
    writing.lock();
    try {
      WalletFile sealed;
      synchronized (this) {
        sealed = file;
      }
      WalletSecrets opened = sealed.open(oldPassphrase).orElseThrow(this::wrongPassphrase);
      WalletFile resealed =
          WalletFile.seal(
              context.network(),
              opened,
              newPassphrase,
              context.kdf(),
              context.random(),
              sealed.publicSection());
      synchronized (this) {
        file = resealed.withPublicSection(state.encode());
      }
      save();
    } finally {
      writing.unlock();
    }
  }

  /**
   * The mnemonic, for a backup. Asks for the passphrase even when the wallet is unlocked, as the
   * words give away every coin.
   *
   * @throws WrongPassphraseException if the passphrase does not open the file
   */
  public Mnemonic revealMnemonic(Passphrase passphrase) {
    WalletFile sealed;
    synchronized (this) {
      sealed = file;
    }
    return sealed.open(passphrase).orElseThrow(this::wrongPassphrase).mnemonic();
  }

  // ---------------------------------------------------------------- addresses

  /**
   * The next unused receive address, marked used and saved at once so that it is never handed out
   * twice. A locked wallet hands out the keys it derived ahead.
   *
   * @throws WalletLockedException if the wallet is locked and has no derived key left
   */
  public ReceiveAddress freshAddress(Optional<Label> label) {
    ReceiveAddress address;
    synchronized (this) {
      currentSecrets().ifPresent(this::extendKeys);
      int index = state.keys.issue(label);
      changes++;
      address = receiveAddress(index);
    }
    save();
    return address;
  }

  /**
   * How many receive keys the wallet has derived: those used and up to {@link
   * org.equinode.wallet.keys.KeyChain#GAP_LIMIT} beyond. A restore scans the chain again while a
   * pass makes this grow.
   */
  public synchronized int derivedKeys() {
    return state.keys.size();
  }

  /** Every receive address handed out or seen used, in index order. */
  public synchronized List<ReceiveAddress> receiveAddresses() {
    List<ReceiveAddress> out = new ArrayList<>(state.keys.used());
    for (int i = 0; i < state.keys.used(); i++) {
      out.add(receiveAddress(i));
    }
    return out;
  }

  private ReceiveAddress receiveAddress(int index) {
    Address address = new Address(network(), state.keys.lock(index).hash().hash());
    return new ReceiveAddress(index, address, state.keys.label(index));
  }

  /**
   * A fresh receive key, marked used and saved, to give a counterparty for a contract (an escrow or
   * a hash-time-lock) that someone else sets up.
   */
  public Ed25519PublicKey freshKey(Optional<Label> label) {
    int index = freshAddress(label).index();
    synchronized (this) {
      return state.keys.key(index);
    }
  }

  // ---------------------------------------------------------------- contracts

  /**
   * Creates and watches an escrow: {@code MULTI(k; a fresh key of this wallet and others)}. Saves
   * the file.
   *
   * @throws WalletException if the keys do not make a valid escrow (see {@link Contracts#escrow})
   */
  public ContractAddress createEscrow(int k, List<Ed25519PublicKey> others, Optional<Label> label) {
    Ed25519PublicKey own = freshKey(Optional.empty());
    List<Ed25519PublicKey> keys = new ArrayList<>(others);
    keys.add(own);
    return watch(Contracts.escrow(k, keys), label);
  }

  /**
   * Creates and watches a hash-time-lock (see {@link Contracts#hashTimeLock}) in which this wallet
   * is the claimer or the refunder. Saves the file.
   *
   * @throws WalletException if neither key is this wallet's
   */
  public ContractAddress createHashTimeLock(
      Ed25519PublicKey claimer,
      Hash32 digest,
      Ed25519PublicKey refunder,
      int refundHeight,
      Optional<Label> label) {
    synchronized (this) {
      if (state.keys.indexOf(claimer).isEmpty() && state.keys.indexOf(refunder).isEmpty()) {
        throw new WalletException(
            "neither the claimer's nor the refunder's key belongs to wallet '" + name + "'");
      }
    }
    return watch(Contracts.hashTimeLock(claimer, digest, refunder, refundHeight), label);
  }

  /** Watches {@code lock}: outputs paying to it count as the wallet's contract coins. Saves. */
  public ContractAddress watch(Lock lock, Optional<Label> label) {
    boolean added;
    synchronized (this) {
      added = state.watched.add(new WatchedLock(lock, label));
      if (added) {
        changes++;
      }
    }
    if (added) {
      save();
    }
    return new ContractAddress(lock, Contracts.address(network(), lock));
  }

  /** The locks the wallet watches, in the order added. */
  public synchronized List<WatchedLock> watchedLocks() {
    return state.watched.all();
  }

  /**
   * Derives the next swap secret and returns its SHA-256 digest, for a {@code HASH} lock; the
   * secret itself stays in the wallet until it spends with it. Saves the file.
   *
   * @throws WalletLockedException if the wallet is locked
   */
  public Hash32 newSwapSecret() {
    Hash32 digest;
    synchronized (this) {
      digest = state.hashes.createOwn(requireSecrets("create a swap secret"));
      changes++;
    }
    save();
    return digest;
  }

  /** Remembers a preimage a counterparty revealed, to claim a hash lock with it. Saves. */
  public Hash32 learnPreimage(Hash32 preimage) {
    Hash32 digest;
    synchronized (this) {
      digest = state.hashes.learn(preimage);
      changes++;
    }
    save();
    return digest;
  }

  // ---------------------------------------------------------------- spending

  /**
   * Builds and signs a transaction paying {@code payments} from confirmed, mature coins at {@code
   * rate}, with change to a fresh address when it is worth an output. It is neither broadcast nor
   * recorded: the node submits it to its mempool, which reports it back through {@link #txAdded}
   * (until then, another payment may choose the same coins).
   *
   * @throws WalletLockedException if the wallet is locked
   * @throws InsufficientFundsException if the coins cannot cover the payments and the fee
   * @throws WalletException if a payment is below {@link TxBuilder#DUST_THRESHOLD}
   */
  public BuiltTx send(List<Payment> payments, FeeRate rate) {
    BuiltTx built;
    synchronized (this) {
      int used = state.keys.used();
      built = spending.send(requireSecrets("sign a payment"), payments, rate);
      if (state.keys.used() == used) {
        return built;
      }
      changes++;
    }
    save();
    return built;
  }

  /**
   * Builds and signs a transaction spending a contract coin whole to {@code to} (a fresh address of
   * this wallet if empty): an escrow the wallet can sign alone, a hash-time-lock claimed with a
   * known preimage, or refunded once the refund height is reached.
   *
   * @throws WalletException if the coin is not a confirmed, unspent contract coin of the wallet, or
   *     the wallet cannot satisfy its lock alone in the next block
   */
  public BuiltTx spendContract(OutPoint coin, Optional<LockHash> to, FeeRate rate) {
    UnsignedTx draft = draftContractSpend(coin, to, rate, Set.of());
    return completeContractSpend(draft, List.of());
  }

  /**
   * Plans spending a contract coin with cosigners (a 2-of-2 escrow, say): the body is final, so
   * each cosigner can sign it with {@link #cosign}, and this wallet completes it with {@link
   * #completeContractSpend}.
   */
  public UnsignedTx draftContractSpend(
      OutPoint coin, Optional<LockHash> to, FeeRate rate, Set<Ed25519PublicKey> cosigners) {
    UnsignedTx draft;
    synchronized (this) {
      int used = state.keys.used();
      draft =
          spending.draftContractSpend(
              requireSecrets("spend a contract coin"), coin, to, rate, cosigners);
      if (state.keys.used() == used) {
        return draft;
      }
      changes++;
    }
    save();
    return draft;
  }

  /** This wallet's signatures for the keys {@code draft} needs (as a cosigner). */
  public synchronized List<PartialSignature> cosign(UnsignedTx draft) {
    return spending.cosign(requireSecrets("cosign"), draft);
  }

  /**
   * Signs {@code draft} with this wallet's keys and the cosigners' signatures, and checks every
   * input as a node would.
   */
  public synchronized BuiltTx completeContractSpend(
      UnsignedTx draft, List<PartialSignature> cosigned) {
    return spending.complete(requireSecrets("sign a contract spend"), draft, cosigned);
  }

  // ---------------------------------------------------------------- chain

  @Override
  public synchronized void blockConnected(int height, Block block) {
    state.ledger.connect(height, block);
    changes++;
  }

  @Override
  public synchronized void blockDisconnected(int height, Block block) {
    state.ledger.disconnect(height, block);
    changes++;
  }

  @Override
  public synchronized void txAdded(Tx tx) {
    if (state.ledger.addPending(tx, context.time().epochSeconds())) {
      changes++;
    }
  }

  @Override
  public synchronized void txRemoved(TxId txId) {
    if (state.ledger.removePending(txId)) {
      changes++;
    }
  }

  /**
   * The wallet's pending transactions, parents before children: what a node offers its mempool
   * again when it loads the wallet (the mempool does not outlive the node).
   */
  public synchronized List<Tx> pendingTransactions() {
    return state.ledger.pending();
  }

  /**
   * Gives up a pending transaction and those that spend its outputs (as bitcoind's {@code
   * abandontransaction}): the coins they spent are spendable again. The caller makes sure no
   * mempool holds it. A block that confirms it after all brings it back.
   *
   * @throws WalletException if the wallet does not hold {@code txId} as pending
   */
  public synchronized void abandon(TxId txId) {
    state.ledger.abandon(txId);
    changes++;
  }

  /**
   * The last block the wallet has seen. Empty for a wallet that has seen none: a new wallet may
   * start at the node's tip, a restored one needs the chain from its start to find its coins.
   */
  public synchronized Optional<BlockRef> tip() {
    return state.ledger.tip();
  }

  public synchronized Balance balance() {
    return state.ledger.balance();
  }

  /** The wallet's coins that no block has spent (unspent, or spent by a pending transaction). */
  public synchronized List<WalletCoin> coins() {
    return state.ledger.coins();
  }

  /** The wallet's transactions, oldest first, pending ones last. */
  public synchronized List<HistoryEntry> history() {
    return state.ledger.history();
  }

  /** A transaction that concerns the wallet. */
  public synchronized Optional<WalletTx> transaction(TxId txId) {
    return state.ledger.tx(txId);
  }

  // ---------------------------------------------------------------- saving

  /** True when something changed since the file was last written. */
  public synchronized boolean hasUnsavedChanges() {
    return changes != savedChanges;
  }

  /** Writes the file now, atomically. */
  public void save() {
    writing.lock();
    try {
      WalletFile snapshot;
      long version;
      synchronized (this) {
        snapshot = file.withPublicSection(state.encode());
        version = changes;
      }
      snapshot.write(path);
      synchronized (this) {
        file = snapshot;
        savedChanges = Math.max(savedChanges, version);
      }
    } finally {
      writing.unlock();
    }
  }

  /** Writes the file if something changed since it was last written. */
  public void flush() {
    if (hasUnsavedChanges()) {
      save();
    }
  }

  @Override
  public String toString() {
    return "Wallet[" + name + "]";
  }
}
