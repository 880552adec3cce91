package org.equinode.torrent.session;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.zip.CRC32C;
import org.equinode.torrent.swarm.BlockRequest;
import org.equinode.torrent.swarm.ConnectionId;
import org.equinode.torrent.swarm.PieceLayout;
import org.jspecify.annotations.Nullable;

/**
 * Who sent each block of the pieces being downloaded, and for the pieces that failed their hash
 * check a CRC-32C of what each sent, so that a piece that failed with blocks from several peers can
 * still name the culprit once the piece is downloaded right ("smart ban", as libtorrent does it):
 * the senders of blocks that differ from the good data. A CRC is no defence against a peer crafting
 * collisions, but then it only escapes the ban; the data is still checked by SHA-1. Not
 * thread-safe: used under the torrent's lock.
 *
 * <p>The CRCs of a piece put together in memory are taken only when it fails ({@link #failed(int,
 * Optional)}), from its buffer: almost every piece verifies, and summing each block as it arrived
 * cost about as much as the rest of the per-block bookkeeping. Blocks written to disk one by one
 * are summed as they arrive ({@link #record(int, int, ConnectionId, int)}), since their data cannot
 * be read back once the piece failed.
 */
final class BlockOrigins {
  /** Failed pieces remembered for a later comparison; the oldest are forgotten beyond. */
  static final int MAX_FAILED_PIECES = 256;

  /** The blocks one download of a piece was made of: who sent each, and its CRC once known. */
  static final class Round {
    private final @Nullable ConnectionId[] senders;
    private final int[] crcs;
    private final BitSet summed;

    Round(int blocks) {
      this.senders = new ConnectionId[blocks];
      this.crcs = new int[blocks];
      this.summed = new BitSet(blocks);
    }

    void set(int block, ConnectionId sender) {
      senders[block] = sender;
      summed.clear(block);
    }

    void set(int block, ConnectionId sender, int crc) {
      senders[block] = sender;
      crcs[block] = crc;
      summed.set(block);
    }

    /** Sums the blocks received but not summed yet, from {@code data}, the whole piece. */
    void sumMissing(PieceLayout layout, int piece, ByteBuffer data) {
      for (int block = 0; block < blocks(); block++) {
        if (senders[block] != null && !summed.get(block)) {
          BlockRequest b = layout.block(piece, block);
          crcs[block] = BlockOrigins.crc(data.slice(b.begin(), b.length()));
          summed.set(block);
        }
      }
    }

    int blocks() {
      return crcs.length;
    }

    @Nullable ConnectionId sender(int block) {
      return senders[block];
    }

    /** Whether the CRC of {@code block} is known. */
    boolean summed(int block) {
      return summed.get(block);
    }

    int crc(int block) {
      return crcs[block];
    }
  }

  private final PieceLayout layout;
  private final Map<Integer, Round> current = new HashMap<>();
  private final Map<Integer, List<Round>> failed =
      new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<Round>> eldest) {
          return size() > MAX_FAILED_PIECES;
        }
      };

  BlockOrigins(PieceLayout layout) {
    this.layout = layout;
  }

  /** The bytes {@link #crc} copies at a time; a block fits in one go. */
  static final int CRC_CHUNK = PieceLayout.BLOCK_LENGTH;

  /**
   * Per thread: a copy buffer. Blocks arrive as read-only views, for which {@link
   * CRC32C#update(ByteBuffer)} would allocate a temporary array per 4 KiB (a gigabyte of garbage
   * per gigabyte downloaded); copying into this one and summing the array costs no allocation.
   */
  private static final ThreadLocal<byte[]> CRC_SCRATCH =
      ThreadLocal.withInitial(() -> new byte[CRC_CHUNK]);

  /** The CRC-32C of the remaining bytes of {@code data}, which is left unchanged. */
  static int crc(ByteBuffer data) {
    CRC32C crc = new CRC32C();
    if (data.hasArray()) {
      crc.update(data.array(), data.arrayOffset() + data.position(), data.remaining());
      return (int) crc.getValue();
    }
    byte[] scratch = CRC_SCRATCH.get();
    ByteBuffer view = data.duplicate();
    while (view.hasRemaining()) {
      int n = Math.min(scratch.length, view.remaining());
      view.get(scratch, 0, n);
      crc.update(scratch, 0, n);
    }
    return (int) crc.getValue();
  }

  /**
   * Block {@code block} of {@code piece}, which is put together in memory, came from {@code
   * sender}; its CRC is taken if the piece fails.
   */
  void record(int piece, int block, ConnectionId sender) {
    round(piece).set(block, sender);
  }

  /**
   * Block {@code block} of {@code piece}, written to disk, came from {@code sender} with this CRC.
   */
  void record(int piece, int block, ConnectionId sender, int crc) {
    round(piece).set(block, sender, crc);
  }

  private Round round(int piece) {
    return current.computeIfAbsent(piece, p -> new Round(layout.blockCount(p)));
  }

  /**
   * The piece failed: keeps what was received to compare with the good data later. {@code data} is
   * the failed piece as it was put together in memory, if it was: the CRCs not taken yet come from
   * it (blocks left without one name nobody).
   */
  void failed(int piece, Optional<ByteBuffer> data) {
    Round round = current.remove(piece);
    if (round != null) {
      data.ifPresent(d -> round.sumMissing(layout, piece, d));
      failed.computeIfAbsent(piece, p -> new ArrayList<>()).add(round);
    }
  }

  /**
   * The piece verified: forgets it, and returns its failed downloads if there were any, to compare
   * with {@link #culprits}.
   */
  List<Round> verified(int piece) {
    current.remove(piece);
    List<Round> rounds = failed.remove(piece);
    return rounds == null ? List.of() : rounds;
  }

  /**
   * The peers that sent a block which differs from the good one. {@code goodCrc} gives the CRC of a
   * block of the verified piece.
   */
  static Set<ConnectionId> culprits(List<Round> rounds, IntFunction<Integer> goodCrc) {
    Set<ConnectionId> out = new HashSet<>();
    Map<Integer, Integer> good = new HashMap<>();
    for (Round round : rounds) {
      for (int block = 0; block < round.blocks(); block++) {
        ConnectionId sender = round.sender(block);
        if (sender == null || !round.summed(block)) {
          continue;
        }
        int expected = good.computeIfAbsent(block, goodCrc::apply);
        if (round.crc(block) != expected) {
          out.add(sender);
        }
      }
    }
    return out;
  }
}
