package org.equinode.torrent.session;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.equinode.torrent.metainfo.InfoDict;
import org.equinode.torrent.metainfo.InfoHash;
import org.equinode.torrent.peer.extension.MetadataAssembler;
import org.equinode.torrent.peer.extension.MetadataMessage;
import org.equinode.torrent.swarm.ConnectionId;
import org.jspecify.annotations.Nullable;

/**
 * Fetching a magnet link's metadata (BEP 9) from the peers that have it: which piece was asked of
 * whom and when, who sent what. The first peer that announces a size fixes it; a whole that does
 * not hash right is dropped and fetched again, and a peer that sent all of it is named. Not
 * thread-safe: used under the torrent's lock.
 */
final class MetadataFetch {
  /** Time after which an unanswered metadata request is asked of another peer. */
  static final long REQUEST_TIMEOUT_NANOS = 10_000_000_000L;

  /** Metadata requests outstanding at one peer. */
  static final int MAX_REQUESTS_PER_PEER = 8;

  private record Asked(ConnectionId peer, long at) {}

  private final InfoHash infoHash;
  private @Nullable MetadataAssembler assembler;
  private final Map<Integer, Asked> asked = new HashMap<>();
  private final Map<Integer, ConnectionId> senders = new HashMap<>();
  private final Set<ConnectionId> refused = new HashSet<>();

  MetadataFetch(InfoHash infoHash) {
    this.infoHash = infoHash;
  }

  /** What adding a piece led to. */
  sealed interface Result {
    /** Nothing more to do. */
    record Pending() implements Result {}

    /** The metadata is complete and correct. */
    record Done(InfoDict info) implements Result {}

    /** The whole failed; {@code culprit} sent all of it, if one peer did. */
    record Failed(Optional<ConnectionId> culprit, String reason) implements Result {}
  }

  /**
   * The pieces to ask {@code peer} for now, marked as asked: missing ones nobody is asked for, at
   * most {@link #MAX_REQUESTS_PER_PEER} outstanding. Empty if its size disagrees with the one fixed
   * by the first peer, or it refused before.
   */
  List<Integer> toAsk(ConnectionId peer, int metadataSize, long now) {
    if (refused.contains(peer)) {
      return List.of();
    }
    MetadataAssembler current = assembler;
    if (current == null) {
      current = MetadataAssembler.of(infoHash, metadataSize);
      assembler = current;
    } else if (current.totalSize() != metadataSize) {
      return List.of();
    }
    int already = 0;
    for (Asked a : asked.values()) {
      if (a.peer.equals(peer)) {
        already++;
      }
    }
    List<Integer> out = new ArrayList<>();
    BitSet missing = current.missing();
    for (int piece = missing.nextSetBit(0);
        piece >= 0 && already + out.size() < MAX_REQUESTS_PER_PEER;
        piece = missing.nextSetBit(piece + 1)) {
      if (!asked.containsKey(piece)) {
        asked.put(piece, new Asked(peer, now));
        out.add(piece);
      }
    }
    return out;
  }

  /** A piece arrived from {@code peer}. */
  Result received(ConnectionId peer, MetadataMessage.Data data) {
    MetadataAssembler current = assembler;
    if (current == null) {
      return new Result.Pending();
    }
    asked.remove(data.piece());
    return switch (current.add(data)) {
      case MetadataAssembler.Outcome.Incomplete i -> {
        senders.put(data.piece(), peer);
        yield new Result.Pending();
      }
      case MetadataAssembler.Outcome.Complete c -> new Result.Done(c.info());
      case MetadataAssembler.Outcome.HashMismatch m -> {
        senders.put(data.piece(), peer);
        Set<ConnectionId> who = new HashSet<>(senders.values());
        senders.clear();
        asked.clear();
        yield new Result.Failed(
            who.size() == 1 ? Optional.of(who.iterator().next()) : Optional.empty(),
            "the metadata hashes to " + m.actual());
      }
      case MetadataAssembler.Outcome.Invalid i ->
          new Result.Failed(Optional.empty(), "the torrent's metadata is invalid: " + i.reason());
      case MetadataAssembler.Outcome.Refused r -> new Result.Failed(Optional.of(peer), r.reason());
    };
  }

  /** The peer will not send metadata (it rejected a request): ask others. */
  void rejected(ConnectionId peer) {
    refused.add(peer);
    forget(peer);
  }

  /** The peer left: its requests go to others. */
  void forget(ConnectionId peer) {
    asked.values().removeIf(a -> a.peer.equals(peer));
  }

  /** Forgets requests older than {@link #REQUEST_TIMEOUT_NANOS}; returns whether any were. */
  boolean expire(long now) {
    boolean any = false;
    for (Iterator<Asked> it = asked.values().iterator(); it.hasNext(); ) {
      if (now - it.next().at >= REQUEST_TIMEOUT_NANOS) {
        it.remove();
        any = true;
      }
    }
    return any;
  }
}
