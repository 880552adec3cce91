package org.equinode.torrent.dht;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.equinode.common.TimeSource;
import org.equinode.torrent.bencode.BBytes;
import org.equinode.torrent.metainfo.InfoHash;

/**
 * One DHT node, both sides of BEP 5 over a {@link DhtTransport}: it answers {@code ping}, {@code
 * find_node}, {@code get_peers} (with a token from {@link TokenSecrets}) and {@code announce_peer}
 * (into the {@link PeerStore}), at most so many per source IP ({@link SourceLimiter}); and it runs
 * {@link Lookup}s. Every reply carries the querier's address as {@code ip} (BEP 42). Packets come
 * in through {@link #receive}, timers through {@link #tick}; nothing a packet holds can make them
 * throw. Thread-safe: one lock guards the state; packets are sent and futures completed after it is
 * released.
 */
public final class DhtNode {
  /** Our {@code v}: "EQ" and version 0.1. */
  public static final BBytes VERSION = BBytes.of(new byte[] {'E', 'Q', 0, 1});

  /** Queries of ours waiting for a reply at most; more fail at the next tick. */
  public static final int MAX_PENDING = 1024;

  /** Questionable nodes pinged per tick at most. */
  public static final int REFRESH_PINGS_PER_TICK = 8;

  /** Different {@code ip} values counted at most when guessing our external address. */
  public static final int MAX_IP_VOTES = 32;

  private record Pending(
      InetSocketAddress to,
      Optional<NodeId> id,
      long deadline,
      Consumer<Optional<Response>> done) {}

  private final NodeId id;
  private final TimeSource time;
  private final RandomGenerator random;
  private final DhtTransport transport;
  private final Duration queryTimeout;
  private final RoutingTable table;
  private final TokenSecrets tokens;
  private final PeerStore store = new PeerStore();
  private final SourceLimiter limiter;
  private final Map<TransactionId, Pending> pending = new HashMap<>();
  private final List<Consumer<Optional<Response>>> overflow = new ArrayList<>();
  private final Map<InetSocketAddress, Integer> ipVotes = new HashMap<>();
  private final List<Runnable> deferred = new ArrayList<>();
  private int nextTransaction;

  public DhtNode(
      NodeId id,
      DhtSettings settings,
      TimeSource time,
      RandomGenerator random,
      DhtTransport transport) {
    this.id = id;
    this.time = time;
    this.random = random;
    this.transport = transport;
    this.queryTimeout = settings.queryTimeout();
    this.table = new RoutingTable(id);
    this.tokens = new TokenSecrets(random, time.nanoTime());
    this.limiter = new SourceLimiter(settings.queriesPerSecond(), 2 * settings.queriesPerSecond());
    this.nextTransaction = random.nextInt(1 << 16);
  }

  /**
   * The id a node should take: BEP 42's for a known public IPv4 address, random otherwise (no
   * address, IPv6, or a local address BEP 42 exempts).
   */
  public static NodeId idFor(Optional<InetSocketAddress> external, RandomGenerator random) {
    if (external.isPresent()
        && external.get().getAddress() instanceof Inet4Address v4
        && !NodeId.isExempt(v4)) {
      return NodeId.secure(v4, random.nextInt(256), random);
    }
    return NodeId.random(random);
  }

  public NodeId id() {
    return id;
  }

  /** Nodes in the routing table. */
  public synchronized int tableSize() {
    return table.size();
  }

  /** Info-hashes with peers announced to us. */
  public synchronized int storedTorrents() {
    return store.torrents();
  }

  /** The closest known nodes to {@code target}. */
  public synchronized List<NodeInfo> closest(NodeId target, int n) {
    return table.closest(target, n);
  }

  /** Our address as most repliers saw it ({@code ip}, BEP 42), if any said. */
  public synchronized Optional<InetSocketAddress> externalAddress() {
    return ipVotes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
  }

  /** Handles one packet from {@code from}; malformed, unasked or unwanted packets are dropped. */
  public void receive(InetSocketAddress from, byte[] packet) {
    synchronized (this) {
      try {
        KrpcMessage message = KrpcMessage.decode(packet);
        switch (message.body()) {
          case Query query -> answer(from, message.transaction(), query);
          case Response response -> replied(from, message, Optional.of(response));
          case ErrorReply unused -> replied(from, message, Optional.empty());
        }
      } catch (RuntimeException e) {
        // A packet never stops the node: malformed bytes, or a bug on a path only a peer reaches.
      }
    }
    flush();
  }

  /** Timers: expires queries, refreshes questionable nodes, forgets old announces. */
  public void tick() {
    synchronized (this) {
      long now = time.nanoTime();
      List<Consumer<Optional<Response>>> expired = new ArrayList<>(overflow);
      overflow.clear();
      for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
        Pending p = it.next();
        if (now - p.deadline >= 0) {
          it.remove();
          p.id.ifPresent(failed -> table.failed(failed, now));
          expired.add(p.done);
        }
      }
      for (Consumer<Optional<Response>> done : expired) {
        done.accept(Optional.empty());
      }
      int pinged = 0;
      for (NodeInfo node : table.questionable(now)) {
        if (pinged++ >= REFRESH_PINGS_PER_TICK) {
          break;
        }
        ping(node);
      }
      store.expire(now);
    }
    flush();
  }

  /**
   * Asks each of {@code nodes} for the nodes closest to us, then looks our own id up among the
   * nodes that answered; the future completes when that lookup ends.
   */
  public CompletableFuture<LookupResult> bootstrap(List<InetSocketAddress> nodes) {
    CompletableFuture<LookupResult> result = new CompletableFuture<>();
    synchronized (this) {
      int[] waiting = {nodes.size()};
      Runnable next = () -> lookupOwnId(result);
      if (nodes.isEmpty()) {
        next.run();
      }
      for (InetSocketAddress node : nodes) {
        send(
            node,
            Optional.empty(),
            new Query.FindNode(id, id),
            reply -> {
              reply.ifPresent(r -> r.nodes().forEach(this::pingIfNew));
              if (--waiting[0] == 0) {
                next.run();
              }
            });
      }
    }
    flush();
    return result;
  }

  private void lookupOwnId(CompletableFuture<LookupResult> result) {
    var unused =
        Lookup.findNode(
            id, id, table.closest(id, RoutingTable.K), this::sendTo, r -> complete(result, r));
  }

  /** Looks up the nodes closest to {@code target}. */
  public CompletableFuture<LookupResult> findNode(NodeId target) {
    CompletableFuture<LookupResult> result = new CompletableFuture<>();
    synchronized (this) {
      var unused =
          Lookup.findNode(
              id,
              target,
              table.closest(target, RoutingTable.K),
              this::sendTo,
              r -> complete(result, r));
    }
    flush();
    return result;
  }

  /** Looks up peers of {@code infoHash}. */
  public CompletableFuture<LookupResult> getPeers(InfoHash infoHash) {
    CompletableFuture<LookupResult> result = new CompletableFuture<>();
    synchronized (this) {
      startGetPeers(infoHash, r -> complete(result, r));
    }
    flush();
    return result;
  }

  /**
   * Looks up peers of {@code infoHash}, then tells the closest nodes that gave a token that we take
   * peers on TCP {@code port} (0: on our UDP port, {@code implied_port}).
   */
  public CompletableFuture<LookupResult> announce(InfoHash infoHash, int port) {
    CompletableFuture<LookupResult> result = new CompletableFuture<>();
    synchronized (this) {
      startGetPeers(
          infoHash,
          r -> {
            for (LookupResult.Reached reached : r.closest()) {
              if (reached.token().isPresent()) {
                Query q =
                    new Query.AnnouncePeer(id, infoHash, port, port == 0, reached.token().get());
                sendTo(reached.node(), q, reply -> {});
              }
            }
            complete(result, r);
          });
    }
    flush();
    return result;
  }

  private void startGetPeers(InfoHash infoHash, Consumer<LookupResult> done) {
    NodeId target = NodeId.of(infoHash);
    var unused =
        Lookup.getPeers(id, infoHash, table.closest(target, RoutingTable.K), this::sendTo, done);
  }

  private void complete(CompletableFuture<LookupResult> future, LookupResult result) {
    deferred.add(() -> future.complete(result));
  }

  private void answer(InetSocketAddress from, TransactionId t, Query query) {
    long now = time.nanoTime();
    if (!CompactAddress.fits(from) || !limiter.allow(from.getAddress(), now)) {
      return;
    }
    KrpcBody reply =
        switch (query) {
          case Query.Ping unused -> Response.ofId(id);
          case Query.FindNode find ->
              new Response(
                  id, table.closest(find.target(), RoutingTable.K), List.of(), Optional.empty());
          case Query.GetPeers get ->
              new Response(
                  id,
                  table.closest(NodeId.of(get.infoHash()), RoutingTable.K),
                  store.peers(get.infoHash(), now, random),
                  Optional.of(tokens.tokenFor(from.getAddress(), now)));
          case Query.AnnouncePeer announce -> stored(from, announce, now);
          case Query.Unknown unknown -> new ErrorReply(ErrorReply.METHOD_UNKNOWN, "method unknown");
        };
    byte[] packet = new KrpcMessage(t, Optional.of(VERSION), Optional.of(from), reply).encode();
    deferred.add(() -> transport.send(from, packet));
    // A querier joins the table once it answers a ping of ours (its address is then its own).
    pingIfNew(new NodeInfo(query.sender(), from));
  }

  private KrpcBody stored(InetSocketAddress from, Query.AnnouncePeer announce, long now) {
    if (!tokens.isValid(announce.token(), from.getAddress(), now)) {
      return new ErrorReply(ErrorReply.PROTOCOL, "bad token");
    }
    int port = announce.impliedPort() ? from.getPort() : announce.port();
    if (port == 0) {
      return new ErrorReply(ErrorReply.PROTOCOL, "port 0");
    }
    store.announce(announce.infoHash(), new InetSocketAddress(from.getAddress(), port), now);
    return Response.ofId(id);
  }

  private void replied(InetSocketAddress from, KrpcMessage message, Optional<Response> response) {
    Pending p = pending.get(message.transaction());
    if (p == null || !p.to.equals(from)) {
      return; // not ours, or an answer from somebody we did not ask
    }
    pending.remove(message.transaction());
    long now = time.nanoTime();
    if (response.isPresent()) {
      Response r = response.get();
      if (p.id.isPresent() && !p.id.get().equals(r.sender())) {
        table.failed(p.id.get(), now); // another node answers there now
      }
      if (table.insert(new NodeInfo(r.sender(), from), now)
          instanceof RoutingTable.Insertion.PingFirst first) {
        ping(first.questionable());
      }
      message.ip().ifPresent(this::vote);
    }
    p.done.accept(response);
  }

  private void vote(InetSocketAddress seen) {
    if (ipVotes.containsKey(seen) || ipVotes.size() < MAX_IP_VOTES) {
      ipVotes.merge(seen, 1, Integer::sum);
    }
  }

  private void pingIfNew(NodeInfo node) {
    if (node.reachable() && !table.contains(node.id()) && !node.id().equals(id)) {
      ping(node);
    }
  }

  private void ping(NodeInfo node) {
    for (Pending p : pending.values()) {
      if (p.to.equals(node.address())) {
        return; // already asked
      }
    }
    sendTo(node, new Query.Ping(id), reply -> {});
  }

  private void sendTo(NodeInfo node, Query query, Consumer<Optional<Response>> done) {
    send(node.address(), Optional.of(node.id()), query, done);
  }

  private void send(
      InetSocketAddress to,
      Optional<NodeId> expected,
      Query query,
      Consumer<Optional<Response>> done) {
    if (pending.size() >= MAX_PENDING || !CompactAddress.fits(to)) {
      overflow.add(done);
      return;
    }
    TransactionId t = TransactionId.ofNumber(nextTransaction++);
    while (pending.containsKey(t)) {
      t = TransactionId.ofNumber(nextTransaction++);
    }
    pending.put(t, new Pending(to, expected, time.nanoTime() + queryTimeout.toNanos(), done));
    byte[] packet = new KrpcMessage(t, Optional.of(VERSION), Optional.empty(), query).encode();
    deferred.add(() -> transport.send(to, packet));
  }

  /** Sends the packets and completes the futures decided under the lock, outside it. */
  private void flush() {
    while (true) {
      List<Runnable> run;
      synchronized (this) {
        if (deferred.isEmpty()) {
          return;
        }
        run = new ArrayList<>(deferred);
        deferred.clear();
      }
      for (Runnable r : run) {
        try {
          r.run();
        } catch (RuntimeException e) {
          // A failed send is a lost UDP packet; a caller's continuation is its own business.
        }
      }
    }
  }
}
