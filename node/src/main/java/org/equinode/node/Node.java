package org.equinode.node;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.equinode.api.RpcDispatcher;
import org.equinode.api.RpcMethod;
import org.equinode.api.node.NodeInfo;
import org.equinode.api.node.NodeInfoMethod;
import org.equinode.api.node.StopMethod;
import org.equinode.api.node.UptimeMethod;
import org.equinode.common.OwnerOnlyFiles;
import org.equinode.crypto.Ed25519PublicKey;
import org.equinode.crypto.NodeKeyFile;
import org.equinode.node.rpc.RpcCookie;
import org.equinode.node.rpc.RpcServer;

/**
 * One running node: the composition root that wires the services together, by hand, in one place.
 * Start it, {@link #awaitStop()} until a user or the {@code stop} call asks it to end, then {@link
 * #close()} it.
 */
public final class Node implements AutoCloseable {
  private final NodeConfig config;
  private final String version;
  private final Instant startedAt;
  private final DataDirectoryLock lock;
  private final RpcServer rpc;
  private final RpcCookie cookie;
  private final Ed25519PublicKey identity;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private boolean closed;

  private Node(NodeConfig config, String version, DataDirectoryLock lock) {
    this.config = config;
    this.version = version;
    this.startedAt = config.time().now();
    this.lock = lock;
    this.identity =
        NodeKeyFile.loadOrCreate(config.dataDirectory().identityKeyFile(), config.random())
            .publicKey();
    List<RpcMethod> methods =
        List.of(
            new StopMethod(this::requestStop),
            new UptimeMethod(config.time(), startedAt),
            new NodeInfoMethod(this::info));
    String token = RpcCookie.newToken(config.random());
    this.rpc = RpcServer.start(config.rpcAddress(), token, new RpcDispatcher(methods));
    this.cookie = new RpcCookie(rpc.url(), token);
    try {
      cookie.write(config.dataDirectory().root());
    } catch (RuntimeException e) {
      rpc.close();
      throw e;
    }
  }

  /**
   * Starts a node.
   *
   * @param version the software version, for {@code getnodeinfo}
   * @throws NodeException when the data directory is in use or a port cannot be bound
   */
  public static Node start(NodeConfig config, String version) {
    OwnerOnlyFiles.createFolder(config.dataDirectory().root());
    DataDirectoryLock lock = DataDirectoryLock.acquire(config.dataDirectory().root());
    try {
      return new Node(config, version, lock);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** Where the JSON-RPC server listens, and its token. */
  public RpcCookie rpcCookie() {
    return cookie;
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

  /** Stops every service and releases the data directory. Safe to call twice, from any thread. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    requestStop();
    try {
      rpc.close();
      cookie.delete(config.dataDirectory().root());
    } finally {
      lock.close();
    }
  }
}
