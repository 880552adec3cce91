package org.equinode.torrent.tracker;

import java.nio.ByteBuffer;
import java.util.List;
import org.equinode.torrent.metainfo.InfoHash;

/**
 * The packets a client sends to a UDP tracker (BEP 15), each with its transaction id and its exact
 * encoding. All numbers are big-endian.
 */
public sealed interface UdpRequest {
  /** The magic number a connect request starts with. */
  long PROTOCOL_ID = 0x41727101980L;

  /** The action numbers of BEP 15. */
  int CONNECT = 0;

  /** Announce. */
  int ANNOUNCE = 1;

  /** Scrape. */
  int SCRAPE = 2;

  /** Error (responses only). */
  int ERROR = 3;

  /** The number the client chose to match the answer to this request. */
  int transactionId();

  /** The packet's bytes. */
  byte[] encode();

  /** Asks for a connection id: 16 bytes. */
  record Connect(int transactionId) implements UdpRequest {
    /** The length of the packet. */
    public static final int LENGTH = 16;

    @Override
    public byte[] encode() {
      return ByteBuffer.allocate(LENGTH)
          .putLong(PROTOCOL_ID)
          .putInt(CONNECT)
          .putInt(transactionId)
          .array();
    }
  }

  /**
   * An announce: 98 bytes. The IP address field is always 0 (the tracker uses the packet's source);
   * {@code num_want} is the request's number.
   */
  record Announce(long connectionId, int transactionId, AnnounceRequest request)
      implements UdpRequest {
    /** The length of the packet. */
    public static final int LENGTH = 98;

    @Override
    public byte[] encode() {
      return ByteBuffer.allocate(LENGTH)
          .putLong(connectionId)
          .putInt(ANNOUNCE)
          .putInt(transactionId)
          .put(request.infoHash().toByteArray())
          .put(request.peerId().toByteArray())
          .putLong(request.downloaded())
          .putLong(request.left())
          .putLong(request.uploaded())
          .putInt(request.event().udpCode())
          .putInt(0)
          .putInt(request.key())
          .putInt(request.numWant())
          .putShort((short) request.port())
          .array();
    }
  }

  /** A scrape of 1 to {@link TrackerClient#MAX_SCRAPE_HASHES} torrents: 16 + 20 n bytes. */
  record Scrape(long connectionId, int transactionId, List<InfoHash> infoHashes)
      implements UdpRequest {
    public Scrape {
      if (infoHashes.isEmpty() || infoHashes.size() > TrackerClient.MAX_SCRAPE_HASHES) {
        throw new IllegalArgumentException(
            "scrape of "
                + infoHashes.size()
                + " torrents, not 1.."
                + TrackerClient.MAX_SCRAPE_HASHES);
      }
      infoHashes = List.copyOf(infoHashes);
    }

    @Override
    public byte[] encode() {
      ByteBuffer out = ByteBuffer.allocate(16 + InfoHash.LENGTH * infoHashes.size());
      out.putLong(connectionId).putInt(SCRAPE).putInt(transactionId);
      infoHashes.forEach(hash -> out.put(hash.toByteArray()));
      return out.array();
    }
  }
}
