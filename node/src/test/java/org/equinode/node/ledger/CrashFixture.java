package org.equinode.node.ledger;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import org.equinode.chain.consensus.SignatureChecker;
import org.equinode.chain.params.ChainParams;
import org.equinode.chain.state.ChainState;
import org.equinode.common.Network;
import org.equinode.common.TimeSource;
import org.equinode.node.Node;
import org.equinode.store.RocksStore;
import org.equinode.wallet.Passphrase;
import org.equinode.wallet.WalletName;
import org.equinode.wallet.file.Argon2Params;

/**
 * What the node's crash test and its child process share: the dev chain, one fixed clock, two
 * passphrase-encrypted wallets, and how a data directory is opened as a node opens it (the chain
 * state on RocksDB, the ledger with its listeners, then {@code activateBestChain} to finish a
 * reorganisation a kill cut short).
 */
final class CrashFixture {
  static final ChainParams DEV = ChainParams.of(Network.DEV);

  /** The clock of every process of the test: far after the genesis block, so ASERT stays easy. */
  static final Instant NOW = Instant.ofEpochSecond(DEV.genesisTime() + 10_000_000L);

  /** Encrypted for real, at a cost that lets the test open the files a hundred times. */
  static final Argon2Params CHEAP_KDF = new Argon2Params(64, 1, 1);

  static final WalletName ALICE = WalletName.of("alice");
  static final WalletName BOB = WalletName.of("bob");

  private CrashFixture() {}

  static Passphrase passphrase() {
    return Passphrase.of("correct horse battery staple");
  }

  /** A data directory opened as a node opens it. */
  record Opened(RocksStore store, ChainState chain, Ledger ledger) implements AutoCloseable {
    @Override
    public void close() {
      ledger.close();
      store.close();
    }
  }

  static Opened open(Path dataDirectory, TimeSource clock) {
    Path folder = dataDirectory.resolve(Node.CHAIN_FOLDER);
    RocksStore store = RocksStore.open(folder);
    try {
      ChainState chain = ChainState.open(store, folder.toString(), DEV, clock);
      Ledger ledger =
          new Ledger(
              chain,
              dataDirectory.resolve(Node.WALLET_FOLDER),
              clock,
              new SecureRandom(),
              SignatureChecker.sequential(),
              1,
              CHEAP_KDF);
      chain.activateBestChain();
      return new Opened(store, chain, ledger);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }
}
