package org.equinode.torrent.session;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.equinode.torrent.metainfo.InfoDict;
import org.equinode.torrent.peer.PeerMessage;
import org.equinode.torrent.peer.extension.ExtendedHandshake;
import org.equinode.torrent.peer.extension.ExtensionMessage;
import org.equinode.torrent.peer.extension.ExtensionName;
import org.equinode.torrent.peer.extension.MetadataMessage;
import org.equinode.torrent.peer.extension.PexFlags;
import org.equinode.torrent.peer.extension.PexMessage;
import org.equinode.torrent.peer.extension.PexPeer;
import org.equinode.torrent.swarm.ConnectionId;
import org.jspecify.annotations.Nullable;

/**
 * The extension protocol of one torrent (BEP 10): the peers' extended handshakes, metadata asked
 * and served (BEP 9), peers learnt and told by peer exchange (BEP 11, sending scheduled by {@link
 * PexSchedule}). For a magnet link, once the metadata is complete the storage is opened on a thread
 * of its own and downloading starts. State is guarded by the torrent's lock.
 */
final class MetadataExchange {
  private final PieceExchange exchange;
  private final StorageOpener opener;
  private final MetadataFetch fetch;
  private final PexSchedule pex;
  private volatile @Nullable InfoDict info;

  MetadataExchange(PieceExchange exchange, StorageOpener opener) {
    this.exchange = exchange;
    this.opener = opener;
    this.fetch = new MetadataFetch(exchange.infoHash);
    this.pex = new PexSchedule(exchange.env.time());
  }

  /** The size of the metadata, once we have it. */
  OptionalInt infoSize() {
    InfoDict known = info;
    return known == null ? OptionalInt.empty() : OptionalInt.of(known.size());
  }

  /** The metadata is known from the start (a {@code .torrent}, or saved by an earlier session). */
  void known(InfoDict metadata) {
    info = metadata;
  }

  void extended(Peer peer, PeerMessage.Extended message) {
    Outbox out = new Outbox();
    @Nullable InfoDict completed = null;
    exchange.lock.lock();
    try {
      Optional<ExtensionMessage> decoded = peer.codec.decode(message);
      if (decoded.isEmpty()) {
        return;
      }
      switch (decoded.get()) {
        case ExtendedHandshake theirs -> {
          peer.codec = peer.codec.withRemote(theirs);
          peer.requestQueue = theirs.requestQueue();
          peer.metadataSize = theirs.metadataSize();
          peer.client = theirs.client();
          peer.listenPort = theirs.listenPort();
          ask(peer, out);
        }
        case MetadataMessage.Request request -> serve(peer, request.piece(), out);
        case MetadataMessage.Data data -> completed = received(peer, data, out);
        case MetadataMessage.Reject reject -> {
          fetch.rejected(peer.id);
          askAll(out);
        }
        case PexMessage pex -> learn(pex);
      }
    } finally {
      exchange.lock.unlock();
    }
    out.send();
    if (completed != null) {
      open(completed);
    }
  }

  private void serve(Peer peer, int piece, Outbox out) {
    InfoDict known = info;
    MetadataMessage answer;
    if (known == null || piece >= MetadataMessage.pieceCount(known.size())) {
      answer = new MetadataMessage.Reject(piece);
    } else {
      byte[] bytes = known.bytes();
      int start = piece * MetadataMessage.PIECE_LENGTH;
      int end = Math.min(bytes.length, start + MetadataMessage.PIECE_LENGTH);
      answer = new MetadataMessage.Data(piece, bytes.length, Arrays.copyOfRange(bytes, start, end));
    }
    peer.codec.encode(answer).ifPresent(m -> out.add(peer, m));
  }

  private @Nullable InfoDict received(Peer peer, MetadataMessage.Data data, Outbox out) {
    if (info != null) {
      return null;
    }
    switch (fetch.received(peer.id, data)) {
      case MetadataFetch.Result.Pending p -> ask(peer, out);
      case MetadataFetch.Result.Done d -> {
        info = d.info();
        return d.info();
      }
      case MetadataFetch.Result.Failed f -> {
        f.culprit().ifPresent(id -> exchange.ban(id, f.reason(), out));
        askAll(out);
      }
    }
    return null;
  }

  /** Asks {@code peer} for metadata pieces if it has the metadata and we do not. Under the lock. */
  private void ask(Peer peer, Outbox out) {
    if (info != null
        || peer.metadataSize.isEmpty()
        || !peer.codec.peerSupports(ExtensionName.UT_METADATA)) {
      return;
    }
    List<Integer> pieces;
    try {
      pieces = fetch.toAsk(peer.id, peer.metadataSize.getAsInt(), exchange.now());
    } catch (IllegalArgumentException e) {
      return; // a size outside the limits: this peer cannot help
    }
    for (int piece : pieces) {
      peer.codec.encode(new MetadataMessage.Request(piece)).ifPresent(m -> out.add(peer, m));
    }
  }

  private void askAll(Outbox out) {
    for (Peer other : exchange.peers()) {
      ask(other, out);
    }
  }

  /** Peers from peer exchange go to the book, except for a private torrent (BEP 27). */
  private void learn(PexMessage pex) {
    InfoDict known = info;
    if (known != null && known.isPrivate()) {
      return;
    }
    for (PexPeer added : pex.added()) {
      InetSocketAddress address = added.address();
      if (!exchange.book.isBanned(address)) {
        exchange.book.add(address);
      }
    }
  }

  /** A peer left: its metadata requests go to others. Under the lock. */
  void peerLeft(Peer peer, Outbox out) {
    pex.forget(peer.id);
    if (info == null) {
      fetch.forget(peer.id);
      askAll(out);
    }
  }

  /**
   * Sends peer exchange messages that are due (BEP 11, see {@link PexSchedule}) to the peers that
   * speak {@code ut_pex}. Only once the metadata says the torrent is not private (BEP 27): a
   * magnet's torrent may turn out private, so nothing is sent before. Under the lock.
   */
  void sendPex(Outbox out) {
    InfoDict known = info;
    if (known == null || known.isPrivate()) {
      return;
    }
    Map<ConnectionId, PexPeer> connected = new LinkedHashMap<>();
    for (Peer peer : exchange.peers()) {
      listenAddress(peer)
          .ifPresent(address -> connected.put(peer.id, new PexPeer(address, flags(peer))));
    }
    for (Peer peer : exchange.peers()) {
      if (peer.ready && peer.codec.peerSupports(ExtensionName.UT_PEX)) {
        pex.next(peer.id, listenAddress(peer), connected)
            .flatMap(peer.codec::encode)
            .ifPresent(message -> out.add(peer, message));
      }
    }
  }

  /**
   * Where a peer accepts connections: the address we called, or for a peer that called us its IP
   * with the port of its extended handshake (the port it called from is an ephemeral one).
   */
  private static Optional<InetSocketAddress> listenAddress(Peer peer) {
    InetAddress ip = peer.address.getAddress();
    if (ip == null || peer.address.getPort() == 0) {
      return Optional.empty();
    }
    if (peer.outgoing) {
      return Optional.of(peer.address);
    }
    return peer.listenPort.isPresent()
        ? Optional.of(new InetSocketAddress(ip, peer.listenPort.getAsInt()))
        : Optional.empty();
  }

  private static PexFlags flags(Peer peer) {
    return new PexFlags(
        (peer.outgoing ? PexFlags.REACHABLE : 0) | (peer.hasAll ? PexFlags.SEED : 0));
  }

  /** Asks again what went unanswered. Under the lock. */
  void tick(Outbox out, long now) {
    if (info == null && fetch.expire(now)) {
      askAll(out);
    }
  }

  /** The metadata, once known. */
  Optional<InfoDict> info() {
    return Optional.ofNullable(info);
  }

  /**
   * Opens the storage of known or fetched metadata on a virtual thread of its own, off the reader
   * (or the caller) thread: opening may hash files, which runs on the disk pool while this thread
   * waits. Any failure stops the torrent with an error its status shows.
   */
  void open(InfoDict metadata) {
    Thread.ofVirtual()
        .name("torrent-open " + exchange.infoHash)
        .start(
            () -> {
              try {
                exchange.contentReady(metadata, opener.open(metadata));
              } catch (RuntimeException e) {
                // Whatever the opener throws (a full disk, a refusal of the caller's own): shown
                // in the status, never lost with the thread.
                exchange.fail("cannot open the files: " + e.getMessage(), e);
              }
            });
  }
}
