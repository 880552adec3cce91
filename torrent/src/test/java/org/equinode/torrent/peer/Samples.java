package org.equinode.torrent.peer;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.random.RandomGenerator;
import org.equinode.torrent.PieceSet;
import org.equinode.torrent.peer.PeerMessage.AllowedFast;
import org.equinode.torrent.peer.PeerMessage.Bitfield;
import org.equinode.torrent.peer.PeerMessage.Cancel;
import org.equinode.torrent.peer.PeerMessage.Choke;
import org.equinode.torrent.peer.PeerMessage.Extended;
import org.equinode.torrent.peer.PeerMessage.Have;
import org.equinode.torrent.peer.PeerMessage.HaveAll;
import org.equinode.torrent.peer.PeerMessage.HaveNone;
import org.equinode.torrent.peer.PeerMessage.Interested;
import org.equinode.torrent.peer.PeerMessage.KeepAlive;
import org.equinode.torrent.peer.PeerMessage.NotInterested;
import org.equinode.torrent.peer.PeerMessage.Piece;
import org.equinode.torrent.peer.PeerMessage.Port;
import org.equinode.torrent.peer.PeerMessage.RejectRequest;
import org.equinode.torrent.peer.PeerMessage.Request;
import org.equinode.torrent.peer.PeerMessage.SuggestPiece;
import org.equinode.torrent.peer.PeerMessage.Unchoke;

/** Messages of every kind for a torrent of {@link #PIECES} pieces. */
final class Samples {
  static final int PIECES = 100;

  /** A decoder for {@link #PIECES} pieces with the fast extension on. */
  static final MessageDecoder DECODER =
      MessageDecoder.initial().withFastExtension(true).withPieceCount(PIECES);

  private Samples() {}

  /** One of each kind, fixed. */
  static List<PeerMessage> oneOfEach() {
    BitSet bits = new BitSet();
    bits.set(0);
    bits.set(9);
    bits.set(PIECES - 1);
    byte[] block = new byte[PeerMessage.MAX_BLOCK_LENGTH];
    for (int i = 0; i < block.length; i++) {
      block[i] = (byte) (i * 7);
    }
    return List.of(
        new KeepAlive(),
        new Choke(),
        new Unchoke(),
        new Interested(),
        new NotInterested(),
        new Have(42),
        new Bitfield(PieceSet.of(PIECES, bits)),
        Request.of(3, 16384, 16384),
        new Piece(3, 16384, ByteBuffer.wrap(block)),
        new Cancel(new BlockRequest(3, 16384, 16384)),
        new Port(6881),
        new SuggestPiece(7),
        new HaveAll(),
        new HaveNone(),
        new RejectRequest(new BlockRequest(4, 0, 100)),
        new AllowedFast(99),
        new Extended(0, "d1:md6:ut_pexi1eee".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
  }

  /** A random message of a random kind. */
  static PeerMessage random(RandomGenerator random) {
    return switch (random.nextInt(17)) {
      case 0 -> new KeepAlive();
      case 1 -> new Choke();
      case 2 -> new Unchoke();
      case 3 -> new Interested();
      case 4 -> new NotInterested();
      case 5 -> new Have(random.nextInt(PIECES));
      case 6 -> {
        BitSet bits = new BitSet();
        for (int i = 0; i < PIECES; i++) {
          bits.set(i, random.nextBoolean());
        }
        yield new Bitfield(PieceSet.of(PIECES, bits));
      }
      case 7 -> new Request(block(random));
      case 8 -> {
        byte[] data = new byte[1 + random.nextInt(300)];
        random.nextBytes(data);
        yield new Piece(random.nextInt(PIECES), random.nextInt(1 << 20), ByteBuffer.wrap(data));
      }
      case 9 -> new Cancel(block(random));
      case 10 -> new Port(random.nextInt(65_536));
      case 11 -> new SuggestPiece(random.nextInt(PIECES));
      case 12 -> new HaveAll();
      case 13 -> new HaveNone();
      case 14 -> new RejectRequest(block(random));
      case 15 -> new AllowedFast(random.nextInt(PIECES));
      default -> {
        byte[] payload = new byte[random.nextInt(40)];
        random.nextBytes(payload);
        yield new Extended(random.nextInt(256), payload);
      }
    };
  }

  static List<PeerMessage> random(RandomGenerator random, int count) {
    List<PeerMessage> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(random(random));
    }
    return out;
  }

  private static BlockRequest block(RandomGenerator random) {
    return new BlockRequest(
        random.nextInt(PIECES),
        random.nextInt(64) * 16384,
        1 + random.nextInt(PeerMessage.MAX_BLOCK_LENGTH));
  }

  /** The wire bytes of all {@code messages}, one after the other. */
  static byte[] encodeAll(List<PeerMessage> messages) {
    int total = 0;
    for (PeerMessage m : messages) {
      total += MessageDecoder.LENGTH_PREFIX + m.length();
    }
    ByteBuffer out = ByteBuffer.allocate(total);
    for (PeerMessage m : messages) {
      out.put(PeerMessage.encode(m));
    }
    return out.array();
  }
}
