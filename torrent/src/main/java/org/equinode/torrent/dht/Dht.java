package org.equinode.torrent.dht;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.equinode.common.TimeSource;
import org.equinode.torrent.metainfo.InfoHash;

/**
 * A running DHT node: a {@link DhtNode} on a {@link DhtSocket}, ticked every {@link #TICK} by a
 * timer of its own, bootstrapped from the settings' nodes (resolved on a virtual thread) and again
 * while its table stays nearly empty. What a torrent session holds.
 */
public final class Dht implements AutoCloseable {
  /** How often timeouts and refreshes run. */
  public static final Duration TICK = Duration.ofMillis(250);

  /** How often a bootstrap is retried while the table holds fewer than {@link RoutingTable#K}. */
  public static final Duration REBOOTSTRAP = Duration.ofSeconds(30);

  private final DhtSettings settings;
  private final TimeSource time;
  private final DhtNode node;
  private final DhtSocket socket;
  private final ScheduledExecutorService timer;
  private volatile long lastBootstrap;

  private Dht(
      DhtSettings settings,
      TimeSource time,
      DhtNode node,
      DhtSocket socket,
      ScheduledExecutorService timer) {
    this.settings = settings;
    this.time = time;
    this.node = node;
    this.socket = socket;
    this.timer = timer;
  }

  /**
   * Binds the settings' address and starts: bootstraps, then ticks.
   *
   * @throws DhtException if the address cannot be bound
   */
  public static Dht start(DhtSettings settings, TimeSource time, RandomGenerator random) {
    NodeId id = DhtNode.idFor(settings.externalAddress(), random);
    DhtNode[] holder = new DhtNode[1];
    DhtSocket socket;
    Object ready = new Object();
    try {
      socket =
          DhtSocket.bind(
              settings.listen(),
              (from, packet) -> {
                DhtNode n;
                synchronized (ready) {
                  n = holder[0];
                }
                if (n != null) {
                  n.receive(from, packet);
                }
              });
    } catch (IOException e) {
      throw new DhtException(
          "cannot bind the DHT to " + settings.listen() + ": " + e.getMessage(), e);
    }
    DhtNode node = new DhtNode(id, settings, time, random, socket);
    synchronized (ready) {
      holder[0] = node;
    }
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("dht-timer").factory());
    Dht dht = new Dht(settings, time, node, socket, timer);
    long period = TICK.toNanos();
    var unusedTicks = timer.scheduleWithFixedDelay(dht::tick, period, period, TimeUnit.NANOSECONDS);
    dht.bootstrap();
    return dht;
  }

  private void tick() {
    try {
      node.tick();
      if (node.tableSize() < RoutingTable.K
          && !settings.bootstrap().isEmpty()
          && time.nanoTime() - lastBootstrap > REBOOTSTRAP.toNanos()) {
        bootstrap();
      }
    } catch (RuntimeException e) {
      // The timer must keep going.
    }
  }

  private void bootstrap() {
    lastBootstrap = time.nanoTime();
    List<InetSocketAddress> given = settings.bootstrap();
    Thread.ofVirtual()
        .name("dht-bootstrap")
        .start(
            () -> {
              List<InetSocketAddress> resolved = new ArrayList<>();
              for (InetSocketAddress address : given) {
                InetSocketAddress a =
                    address.isUnresolved()
                        ? new InetSocketAddress(address.getHostString(), address.getPort())
                        : address;
                if (!a.isUnresolved()) {
                  resolved.add(a);
                }
              }
              var unused = node.bootstrap(resolved);
            });
  }

  /** Asks {@code address} for nodes near us (a node the user or a peer's {@code port} named). */
  public CompletableFuture<LookupResult> addNode(InetSocketAddress address) {
    return node.bootstrap(List.of(address));
  }

  /** Looks up peers of {@code infoHash}. */
  public CompletableFuture<LookupResult> getPeers(InfoHash infoHash) {
    return node.getPeers(infoHash);
  }

  /** Looks up peers of {@code infoHash} and announces that we take peers on TCP {@code port}. */
  public CompletableFuture<LookupResult> announce(InfoHash infoHash, int port) {
    return node.announce(infoHash, port);
  }

  public NodeId id() {
    return node.id();
  }

  /** The UDP address bound. */
  public InetSocketAddress localAddress() {
    return socket.localAddress();
  }

  /** Nodes in the routing table. */
  public int tableSize() {
    return node.tableSize();
  }

  /** The node itself (statistics, tests). */
  public DhtNode node() {
    return node;
  }

  public DhtSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    timer.shutdownNow();
    socket.close();
  }

  @Override
  public String toString() {
    return "Dht[" + node.id() + " on " + socket.localAddress() + "]";
  }
}
