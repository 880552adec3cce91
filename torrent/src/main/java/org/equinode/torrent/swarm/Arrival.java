package org.equinode.torrent.swarm;

import java.util.List;

/** The picker's verdict on a block of data a peer sent. */
public sealed interface Arrival {
  /**
   * The block is needed: write it. {@code cancels} are the same block's requests to other peers
   * (endgame): send each of those peers a cancel message. When {@code pieceComplete}, every block
   * of the piece has arrived: hash it, then call {@link PiecePicker#pieceVerified} or {@link
   * PiecePicker#pieceFailed}.
   */
  record Accepted(boolean pieceComplete, List<PeerRequest> cancels) implements Arrival {
    public Accepted {
      cancels = List.copyOf(cancels);
    }
  }

  /** The data is not written. */
  record Ignored(Reason reason) implements Arrival {}

  /** Why data was ignored. */
  enum Reason {
    /**
     * Not one of the torrent's blocks (bad index, offset or length): we never request such a thing,
     * so the peer is broken or hostile.
     */
    NOT_A_BLOCK,
    /**
     * Already received, already verified, or not wanted: normal in endgame and after a timeout,
     * wasted bandwidth otherwise.
     */
    NOT_NEEDED
  }
}
