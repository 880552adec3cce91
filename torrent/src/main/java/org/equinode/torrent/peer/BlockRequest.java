package org.equinode.torrent.peer;

import org.equinode.torrent.metainfo.InfoDict;

/**
 * A block of a piece: {@code length} bytes from offset {@code begin} of piece {@code piece}. What
 * {@code request}, {@code cancel} and {@code reject_request} name, and the key a piece picker
 * tracks outstanding requests by.
 */
public record BlockRequest(int piece, int begin, int length) {
  public BlockRequest {
    String problem = problem(piece, begin, length);
    if (!problem.isEmpty()) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** What is wrong with the three numbers, or the empty string. */
  static String problem(int piece, int begin, int length) {
    if (piece < 0) {
      return "piece index " + Integer.toUnsignedString(piece) + " is above " + Integer.MAX_VALUE;
    }
    if (begin < 0) {
      return "block offset " + Integer.toUnsignedString(begin) + " is above " + Integer.MAX_VALUE;
    }
    if (length < 1 || length > PeerMessage.MAX_BLOCK_LENGTH) {
      return "block length "
          + Integer.toUnsignedString(length)
          + " is outside 1.."
          + PeerMessage.MAX_BLOCK_LENGTH;
    }
    if ((long) begin + length > InfoDict.MAX_PIECE_LENGTH) {
      return "block " + begin + "+" + length + " ends past the largest piece length";
    }
    return "";
  }

  @Override
  public String toString() {
    return "block " + piece + ":" + begin + "+" + length;
  }
}
