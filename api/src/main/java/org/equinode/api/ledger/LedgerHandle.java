package org.equinode.api.ledger;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.equinode.chain.BlockHash;
import org.equinode.chain.LockHash;
import org.equinode.chain.mempool.Mempool;
import org.equinode.chain.mempool.MempoolVerdict;
import org.equinode.chain.params.ChainParams;
import org.equinode.chain.state.ChainState;
import org.equinode.chain.tx.Tx;
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

  Wallet loadWallet(WalletName name);

  boolean unloadWallet(WalletName name);

  Optional<Wallet> wallet(WalletName name);

  List<WalletName> loadedWallets();

  List<WalletName> walletFiles();
}
