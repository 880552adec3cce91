package org.equinode.node;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.equinode.api.RpcDispatcher;
import org.equinode.api.RpcMethod;
import org.equinode.api.chain.ChainMethods;
import org.equinode.api.ledger.MempoolMethods;
import org.equinode.api.ledger.WalletMethods;
import org.equinode.api.node.NodeInfo;
import org.equinode.api.node.NodeInfoMethod;
import org.equinode.api.node.StopMethod;
import org.equinode.api.node.UptimeMethod;
import org.equinode.api.torrent.TorrentMethods;
import org.equinode.chain.consensus.SignatureCache;
import org.equinode.chain.consensus.SignatureChecker;
import org.equinode.chain.lock.SignatureVerifier;
import org.equinode.chain.params.ChainParams;
import org.equinode.chain.state.ChainState;
import org.equinode.chain.state.ChainStateException;
import org.equinode.common.OwnerOnlyFiles;
import org.equinode.crypto.Ed25519PublicKey;
import org.equinode.crypto.NodeKeyFile;
import org.equinode.node.ledger.Ledger;
import org.equinode.node.rpc.RpcCookie;
import org.equinode.node.rpc.RpcServer;
import org.equinode.node.torrent.TorrentHost;
import org.equinode.store.RocksStore;
import org.equinode.torrent.session.SessionSettings;

/**
 * One running node: the composition root that wires the services together, by hand, in one place.
 * Start it, {@link #awaitStop()} until a user or the {@code stop} call asks it to end, then {@link
 * #close()} it.
 */
public final class Node implements AutoCloseable {
  /** The folder of the chain's database inside the data directory. */
  public static final String CHAIN_FOLDER = "chain";

  /** The folder of the wallet files inside the data directory. */
  public static final String WALLET_FOLDER = "wallets";

  private final NodeConfig config;
  private final String version;
  private final Instant startedAt;
  private final Resources resources;
  private final Ed25519PublicKey identity;
  private final ChainState chain;
  private final Ledger ledger;
  private final TorrentHost torrents;
  private final RpcServer rpc;
  private final RpcCookie cookie;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private boolean closed;

  private static ChainState openChain(
      NodeConfig config,
      RocksStore store,
      String location,
      ChainParams params,
      SignatureChecker checker) {
    if (config.reindexChainState()) {
      return ChainState.rebuild(store, location, params, config.time(), checker);
    }
    try {
      return ChainState.open(store, location, params, config.time(), checker);
    } catch (ChainStateException e) {
      if (String.valueOf(e.getMessage()).contains("another network")) {
        throw e;
      }
      throw new NodeException(
          e.getMessage()
              + "; start the node once with --reindex-chainstate to rebuild the state from the"
              + " stored blocks",
          e);
    }
  }

  private Node(NodeConfig config, String version, Resources resources) {
    this.config = config;
    this.version = version;
    this.startedAt = config.time().now();
    this.resources = resources;
    DataDirectory data = config.dataDirectory();
    this.identity = NodeKeyFile.loadOrCreate(data.identityKeyFile(), config.random()).publicKey();

    // Signature checks of a block are spread over the cores (docs/concurrency.md, rule 4).
    int cores = Runtime.getRuntime().availableProcessors();
    ExecutorService verifiers = Executors.newFixedThreadPool(cores);
    resources.add(verifiers::shutdownNow);
    RocksStore store = resources.add(RocksStore.open(data.root().resolve(CHAIN_FOLDER)));
    String location = data.root().resolve(CHAIN_FOLDER).toString();
    // Signatures verified when the mempool accepts a transaction are not verified again when a
    // block including it connects (chain/README.md, "Signature cache").
    SignatureCache signatures =
        new SignatureCache(
            SignatureCache.DEFAULT_CAPACITY, config.random(), SignatureVerifier.direct());
    SignatureChecker checker = SignatureChecker.parallel(verifiers, cores, signatures.forBlocks());
    ChainParams params = ChainParams.of(data.network());
    this.chain = openChain(config, store, location, params, checker);
    this.ledger =
        resources.add(
            new Ledger(
                chain,
                data.root().resolve(WALLET_FOLDER),
                config.time(),
                config.random(),
                SignatureChecker.parallel(verifiers, cores, signatures.forMempool()),
                config.minerThreads()));
    // After the listeners are in place: finishes a reorganisation a crash interrupted.
    chain.activateBestChain();
    // Started after the ledger and stopped before it (resources close in reverse), after the
    // JSON-RPC server: no call reaches a closing engine.
    this.torrents =
        resources.add(
            TorrentHost.start(
                data.root(),
                config
                    .torrentListen()
                    .map(SessionSettings.DEFAULTS::withListen)
                    .orElse(SessionSettings.DEFAULTS)
                    .withClientName("Equinode " + version)
                    .withDht(config.torrentDht()),
                config.time(),
                config.random()));

    List<RpcMethod> methods = new ArrayList<>();
    methods.add(new StopMethod(this::requestStop));
    methods.add(new UptimeMethod(config.time(), startedAt));
    methods.add(new NodeInfoMethod(this::info));
    methods.addAll(ChainMethods.all(chain));
    methods.addAll(MempoolMethods.all(ledger));
    methods.addAll(WalletMethods.all(ledger));
    methods.addAll(TorrentMethods.all(torrents));
    String token = RpcCookie.newToken(config.random());
    this.rpc =
        resources.add(RpcServer.start(config.rpcAddress(), token, new RpcDispatcher(methods)));
    this.cookie = new RpcCookie(rpc.url(), token);
    cookie.write(data.root());
    resources.add(() -> cookie.delete(data.root()));
  }

  /**
   * Starts a node.
   *
   * @param version the software version, for {@code getnodeinfo}
   * @throws NodeException when the data directory is in use or a port cannot be bound
   */
  public static Node start(NodeConfig config, String version) {
    OwnerOnlyFiles.createFolder(config.dataDirectory().root());
    Resources resources = new Resources();
    resources.add(DataDirectoryLock.acquire(config.dataDirectory().root()));
    try {
      return new Node(config, version, resources);
    } catch (RuntimeException e) {
      try {
        resources.close();
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** Where the JSON-RPC server listens, and its token. */
  public RpcCookie rpcCookie() {
    return cookie;
  }

  /** The chain this node keeps. */
  public ChainState chain() {
    return chain;
  }

  /** The node's ledger: chain, mempool, wallets, miner. */
  public Ledger ledger() {
    return ledger;
  }

  /** The node's torrents. */
  public TorrentHost torrents() {
    return torrents;
  }

  /** A snapshot of what the node is. */
  public NodeInfo info() {
    return new NodeInfo(
        version,
        identity.toString(),
        config.dataDirectory().network().id(),
        config.dataDirectory().root().toString(),
        rpc.url().toString(),
        Duration.between(startedAt, config.time().now()).toSeconds());
  }

  /** Asks the node to stop; {@link #awaitStop()} returns. */
  public void requestStop() {
    stopRequested.countDown();
  }

  /** Blocks until {@link #requestStop()} is called. */
  public void awaitStop() throws InterruptedException {
    stopRequested.await();
  }

  /**
   * Stops every service, in the reverse order of starting, and releases the data directory. Safe to
   * call twice, from any thread.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    requestStop();
    resources.close();
  }
}
