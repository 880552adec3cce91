package org.equinode.api.ledger;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.equinode.chain.BlockHash;
import org.equinode.chain.LockHash;
import org.equinode.chain.TxId;
import org.equinode.chain.mempool.Mempool;
import org.equinode.chain.mempool.MempoolVerdict;
import org.equinode.chain.params.ChainParams;
import org.equinode.chain.state.ChainState;
import org.equinode.chain.tx.Tx;
import org.equinode.crypto.Mnemonic;
import org.equinode.wallet.NewWallet;
import org.equinode.wallet.Passphrase;
import org.equinode.wallet.Wallet;
import org.equinode.wallet.WalletName;

/** What the ledger methods need of a node's ledger; the node implements it. */
public interface LedgerHandle {
  ChainState chain();

  Mempool mempool();

  ChainParams params();

  MempoolVerdict acceptTransaction(Tx tx);

  List<BlockHash> generate(int count, LockHash payTo, BooleanSupplier cancelled);

  NewWallet createWallet(WalletName name, Passphrase passphrase, boolean unlocked);

  /**
   * Creates a wallet from a mnemonic and scans the active chain from {@code fromHeight} (0: the
   * genesis block) for its coins, deriving receive keys {@link
   * org.equinode.wallet.keys.KeyChain#GAP_LIMIT} beyond the last one paid. Locked afterwards unless
   * {@code passphrase} is empty.
   *
   * @throws org.equinode.wallet.WalletException if a wallet of that name exists or {@code
   *     fromHeight} is above the tip; nothing was created
   */
  Wallet restoreWallet(
      WalletName name,
      Mnemonic mnemonic,
      String bip39Passphrase,
      Passphrase passphrase,
      int fromHeight);

  /**
   * Loads a wallet file, brings it up to the tip, and offers its pending transactions to the
   * mempool again; those the mempool refuses for good (conflicting, double-spent, invalid) are
   * abandoned.
   */
  Wallet loadWallet(WalletName name);

  /**
   * Abandons a pending transaction of {@code wallet} that the mempool does not hold, with the
   * wallet's pending transactions spending its outputs: the coins they spent are spendable again.
   *
   * @throws org.equinode.wallet.WalletException if the mempool holds it or the wallet does not hold
   *     it as pending
   */
  void abandonTransaction(Wallet wallet, TxId txId);

  boolean unloadWallet(WalletName name);

  Optional<Wallet> wallet(WalletName name);

  List<WalletName> loadedWallets();

  List<WalletName> walletFiles();
}
