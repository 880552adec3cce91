package org.equinode.torrent.session;

import java.net.InetSocketAddress;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.equinode.torrent.PeerId;
import org.equinode.torrent.PieceSet;
import org.equinode.torrent.peer.BlockRequest;
import org.equinode.torrent.peer.PeerConnection;
import org.equinode.torrent.peer.extension.ExtensionCodec;
import org.equinode.torrent.swarm.ConnectionId;
import org.equinode.torrent.swarm.RateMeter;
import org.jspecify.annotations.Nullable;

/**
 * One open connection as the session sees it. The final fields are set at the handshake; the others
 * are guarded by the torrent's lock ({@link PieceExchange}).
 */
final class Peer {
  final ConnectionId id;
  final PeerConnection connection;
  final PeerId peerId;

  /** Where we reached it, or where it came from (then the port is its ephemeral one). */
  final InetSocketAddress address;

  final boolean outgoing;
  final boolean fast;
  final long connectedAt;
  final RateMeter received;
  final RateMeter sent;

  /** Our opening messages left: other threads may send to it. */
  boolean ready;

  boolean amChoking = true;
  boolean amInterested;
  boolean peerChoking = true;
  boolean peerInterested;

  /** Whether the picker knows this peer (it told us what it has, and we have the metadata). */
  boolean joined;

  /** What it announced before we had the metadata: a bitfield, have-all, or single haves. */
  @Nullable PieceSet bitfield;

  boolean hasAll;
  final BitSet haves = new BitSet();

  /** Pieces it has, once the picker knows it. */
  int haveCount;

  ExtensionCodec codec = ExtensionCodec.initial();
  OptionalInt requestQueue = OptionalInt.empty();
  OptionalInt metadataSize = OptionalInt.empty();

  /** The port it listens on, from its extended handshake ({@code p}). */
  OptionalInt listenPort = OptionalInt.empty();

  Optional<String> client = Optional.empty();

  /** Blocks it asked for and we have not sent yet. */
  final Set<BlockRequest> uploads = new LinkedHashSet<>();

  /** When the oldest of our outstanding requests was sent, or the last block came. */
  long lastProgressNanos;

  /** It let requests time out: one at a time until it sends again. */
  boolean snubbed;

  /** When it last rejected a request: it is not asked again for a moment. */
  long rejectedAt;

  Peer(
      ConnectionId id,
      PeerConnection connection,
      PeerId peerId,
      InetSocketAddress address,
      boolean outgoing,
      long now) {
    this.id = id;
    this.connection = connection;
    this.peerId = peerId;
    this.address = address;
    this.outgoing = outgoing;
    this.fast = connection.negotiated().fast();
    this.connectedAt = now;
    this.received = RateMeter.startingAt(now);
    this.sent = RateMeter.startingAt(now);
    this.lastProgressNanos = now;
    this.rejectedAt = now - Transfers.PAUSE_AFTER_REJECT_NANOS;
  }

  /** The most requests to keep at it: its {@code reqq}, or a guess libtorrent also makes. */
  int requestLimit(int ours) {
    return Math.min(ours, requestQueue.orElse(TorrentSession.DEFAULT_PEER_REQUEST_QUEUE));
  }

  @Override
  public String toString() {
    return id + " " + address + client.map(c -> " (" + c + ")").orElse("");
  }
}
