package org.equinode.torrent.session;

import java.util.BitSet;
import org.equinode.torrent.InvalidBitfieldException;
import org.equinode.torrent.PieceSet;
import org.equinode.torrent.peer.CloseReason;
import org.equinode.torrent.peer.PeerMessage;
import org.equinode.torrent.peer.PeerWireException;
import org.jspecify.annotations.Nullable;

/**
 * What each peer has and how it treats us: bitfields, {@code have}, {@code have all}/{@code have
 * none} (kept aside until the metadata is known, then handed to the picker), choke and interest.
 * Decides our interest in each peer. Works under the torrent's lock ({@link PieceExchange}).
 */
final class Availability {
  private final PieceExchange exchange;

  Availability(PieceExchange exchange) {
    this.exchange = exchange;
  }

  /** A bitfield, have-all ({@code all}) or have-none ({@code bits} null, not all). */
  void announced(Peer peer, @Nullable PieceSet bits, boolean all) {
    Outbox out = new Outbox();
    exchange.lock.lock();
    try {
      Content ct = exchange.content();
      if (ct == null) {
        peer.hasAll |= all;
        if (bits != null) {
          peer.bitfield = bits;
        }
        return;
      }
      int count = ct.pieceCount();
      PieceSet has =
          all ? PieceSet.all(count) : bits == null ? PieceSet.none(count) : fit(bits, count);
      if (!peer.joined) {
        join(ct, peer, has, out);
      } else {
        for (int piece = has.nextPiece(0); piece >= 0; piece = has.nextPiece(piece + 1)) {
          noteHave(ct, peer, piece);
        }
        updateInterest(ct, peer, out);
        exchange.fill(peer, out, exchange.now());
      }
    } finally {
      exchange.lock.unlock();
    }
    out.send();
  }

  void announced(Peer peer, int piece) {
    Outbox out = new Outbox();
    exchange.lock.lock();
    try {
      Content ct = exchange.content();
      if (ct == null) {
        if (piece >= PieceSet.MAX_SIZE) {
          throw new PeerWireException(
              CloseReason.MALFORMED_MESSAGE, "have for piece " + piece + ", beyond any torrent");
        }
        peer.haves.set(piece);
        return;
      }
      if (piece >= ct.pieceCount()) {
        throw new PeerWireException(
            CloseReason.MALFORMED_MESSAGE, "have for piece " + piece + " of " + ct.pieceCount());
      }
      if (!peer.joined) {
        join(ct, peer, PieceSet.none(ct.pieceCount()), out);
      }
      if (noteHave(ct, peer, piece)) {
        updateInterest(ct, peer, out);
        exchange.fill(peer, out, exchange.now());
      }
    } finally {
      exchange.lock.unlock();
    }
    out.send();
  }

  private boolean noteHave(Content ct, Peer peer, int piece) {
    if (!ct.picker.peerHave(peer.id, piece)) {
      return false;
    }
    peer.haveCount++;
    peer.hasAll = peer.haveCount == ct.pieceCount();
    return true;
  }

  /** The picker learns what the peer has. Under the lock. */
  void join(Content ct, Peer peer, PieceSet has, Outbox out) {
    ct.picker.peerJoined(peer.id, has);
    peer.joined = true;
    peer.haveCount = has.count();
    peer.hasAll = has.isFull();
    if (exchange.finishedLocked() && peer.hasAll) {
      out.close(peer.connection, CloseReason.CLOSED_LOCALLY, "both of us are seeds");
      return;
    }
    updateInterest(ct, peer, out);
    exchange.fill(peer, out, exchange.now());
  }

  /**
   * What a peer announced before the metadata, as a set over {@code count} pieces.
   *
   * @throws PeerWireException if it does not fit the torrent
   */
  static PieceSet announcedBefore(Peer peer, int count) {
    if (peer.hasAll) {
      return PieceSet.all(count);
    }
    BitSet bits = peer.bitfield == null ? new BitSet() : fit(peer.bitfield, count).toBitSet();
    bits.or(peer.haves);
    if (bits.length() > count) {
      throw new PeerWireException(
          CloseReason.MALFORMED_MESSAGE, "have for piece " + (bits.length() - 1) + " of " + count);
    }
    return PieceSet.of(count, bits);
  }

  private static PieceSet fit(PieceSet early, int count) {
    try {
      return early.fitTo(count);
    } catch (InvalidBitfieldException e) {
      throw new PeerWireException(CloseReason.MALFORMED_MESSAGE, e.getMessage());
    }
  }

  void choked(Peer peer, boolean choking) {
    Outbox out = new Outbox();
    exchange.lock.lock();
    try {
      peer.peerChoking = choking;
      Content ct = exchange.content();
      if (ct != null && peer.joined) {
        if (choking) {
          if (!ct.picker.release(peer.id).isEmpty()) {
            exchange.fillAll(out, exchange.now());
          }
        } else {
          peer.lastProgressNanos = exchange.now();
          exchange.fill(peer, out, exchange.now());
        }
      }
    } finally {
      exchange.lock.unlock();
    }
    out.send();
  }

  void interested(Peer peer, boolean interested) {
    Outbox out = new Outbox();
    exchange.lock.lock();
    try {
      peer.peerInterested = interested;
      exchange.rechoke(out, exchange.now());
    } finally {
      exchange.lock.unlock();
    }
    out.send();
  }

  /** Interested in the peer exactly when it has a piece we still need. Under the lock. */
  void updateInterest(Content ct, Peer peer, Outbox out) {
    if (!peer.joined) {
      return;
    }
    boolean want = exchange.wantsPieces() && ct.picker.isInteresting(peer.id);
    if (want != peer.amInterested) {
      peer.amInterested = want;
      out.add(peer, want ? new PeerMessage.Interested() : new PeerMessage.NotInterested());
    }
  }
}
